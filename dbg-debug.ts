import { startHttpServer } from './mocks/adapters/http-server.js';
import { createMock } from './mocks/core/mock.js';
import { runContract } from './contracts/runner.js';
import { mutants } from './test/contracts/mutants.js';
import { selfTestCredentials, selfTestOptions } from './test/contracts/contract-fixtures.js';
const names = process.argv.slice(2);
for (const name of names) {
  const m = name === 'none' ? { apply: (x: any) => x } : mutants.find((x) => x.name === name)!;
  const server = await startHttpServer(m.apply(createMock({ auth: selfTestCredentials })), { port: 0 });
  const report = await runContract(selfTestOptions(server.url));
  console.log(name, report.exitCode, report.reason ?? '', report.findings.filter((f) => f.severity === 'error').map((f) => `${f.check} ${f.request.target} ${f.pointer} ${f.message} exp=${JSON.stringify(f.expected)} act=${JSON.stringify(f.actual.value)}`));
  await server.close();
}
