// The ceiling: plain node:http answering each request with the kit's own answer to it (status,
// headers and body, read from a file), doing no other work. What Node itself can do here.
// Answers are matched on method and URL, else on method and a path prefix (the write mix's DELETEs).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const answers = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const exact = new Map(answers.filter((a) => a.url !== undefined).map((a) => [`${a.method} ${a.url}`, a]));
const byPrefix = answers.filter((a) => a.prefix !== undefined);
const missing = { status: 404, headers: { 'content-type': 'text/plain' }, body: 'no such answer' };

const server = createServer((request, response) => {
  const answer = exact.get(`${request.method} ${request.url}`) ?? byPrefix.find((a) => a.method === request.method && request.url.startsWith(a.prefix)) ?? missing;
  request.resume();
  response.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
  response.end(answer.body);
});
server.listen(0, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}`));
