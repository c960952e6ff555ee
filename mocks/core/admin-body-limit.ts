// The largest admin request body the mock reads by default (whole states are large). Its own module, so
// the CLI's declarations can name it in --help without loading the mock; `ude-kit export` reads a state
// up to the same size, so what it saves can be loaded again.
export const defaultMaxAdminBodyBytes = 256 * 1024 * 1024;
