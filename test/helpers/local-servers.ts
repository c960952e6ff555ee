// Servers and child processes a test starts, closed and killed after each test: a run that outlives
// its test (a timeout) must not go on eating the machine.
import type { ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';
import { afterEach } from 'vitest';

export function useLocalServers(): { listen(server: Server): Promise<string>; children: ChildProcess[] } {
  const servers: Server[] = [];
  const children: ChildProcess[] = [];
  afterEach(async () => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
  return {
    children,
    async listen(server) {
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    },
  };
}
