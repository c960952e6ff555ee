// The ceiling: plain node:http answering each path with fixed bytes (the kit's own answer for that
// request, read from a file), doing no other work. What Node itself can do here.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const bodies = new Map(Object.entries(JSON.parse(readFileSync(process.argv[2], 'utf8'))));
const server = createServer((request, response) => {
  const body = bodies.get(request.url.split('?')[0]) ?? '{}';
  request.resume();
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
});
server.listen(0, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}`));
