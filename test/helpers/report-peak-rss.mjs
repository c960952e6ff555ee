// Loaded with --import into a CLI process under test: prints the process's peak resident memory when it
// exits, which no other process can read once it is gone.
process.on('exit', () => process.stderr.write(`\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`));
