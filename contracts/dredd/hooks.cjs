// Dredd hooks: credentials on every transaction, and state for each one, so that every transaction
// Dredd makes from the document (one per documented response) can pass against a real deployment.
// CommonJS because Dredd 14 loads hook files with require(). Configured by environment variables that
// contracts/dredd/run-dredd.ts sets: UDE_KIT_TOKEN, UDE_KIT_API_KEY, UDE_KIT_API_KEY_HEADER,
// UDE_KIT_TICKET (In Progress, writable), UDE_KIT_EQUIPMENT (comma-separated catalogue ids), UDE_KIT_BASE_URL.
const hooks = require('hooks');

const env = process.env;
const base = (env.UDE_KIT_BASE_URL || '').replace(/\/+$/, '');
const apiKeyHeader = env.UDE_KIT_API_KEY_HEADER || 'X-Api-Key';
const ticket = env.UDE_KIT_TICKET;
const equipment = (env.UDE_KIT_EQUIPMENT || '').split(',').filter(Boolean).map(Number);
const collection = '/v2/tickets/used-diagnostic-equipment';
const unknownTicket = '00000000-0000-4000-8000-000000000000';
// The int32 maximum: a valid id that no catalogue is expected to hold.
const unknownId = 2147483647;

const credentials = {};
if (env.UDE_KIT_TOKEN) credentials.Authorization = `Bearer ${env.UDE_KIT_TOKEN}`;
if (env.UDE_KIT_API_KEY) credentials[apiKeyHeader] = env.UDE_KIT_API_KEY;

const state = { existing: undefined, free: undefined, created: [] };
// The document's body schema per transaction (see dredd-document.ts): Dredd 14 passes none on itself.
const bodySchemas = env.UDE_KIT_DREDD_SCHEMAS ? require(env.UDE_KIT_DREDD_SCHEMAS) : {};

async function call(method, path, body) {
  const headers = { ...credentials, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) };
  const response = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  await response.text();
  return response.status;
}

const one = (ticketId, id) => `${collection}/${ticketId}/${id}`;

// Each `default` response stands for errors; Dredd expects 200 from it, so each such transaction is
// given a concrete error case and the status the kit's README documents for it.
function expectError(transaction, status) {
  transaction.expected.statusCode = String(status);
}

function setBody(transaction, body) {
  transaction.request.body = JSON.stringify(body);
}

hooks.beforeAll((transactions, done) => {
  (async () => {
    if (!ticket || equipment.length === 0) throw new Error('set UDE_KIT_TICKET and UDE_KIT_EQUIPMENT (run through npm run contract:dredd)');
    for (const id of equipment) {
      const status = await call('GET', one(ticket, id));
      if (status === 404 && state.free === undefined) state.free = id;
      if (status === 200 && state.existing === undefined) state.existing = id;
    }
    if (state.free === undefined) throw new Error(`every UDE_KIT_EQUIPMENT id is already used on ticket ${ticket}`);
  })().then(() => done(), (error) => {
    hooks.log(`ude-kit hooks: ${error.message}`);
    for (const transaction of transactions) transaction.fail = error.message;
    done();
  });
});

hooks.beforeEach((transaction, done) => {
  Object.assign(transaction.request.headers, credentials);
  const schema = bodySchemas[transaction.name];
  if (schema !== undefined) {
    // Judge the body by the document's schema, not by resemblance to its example.
    transaction.expected.bodySchema = schema;
    delete transaction.expected.body;
  }
  done();
});

const listPath = '/v2/tickets/used-diagnostic-equipment > Retrieve all used diagnostic equipment [BETA]';
const addPath = '/v2/tickets/used-diagnostic-equipment > Add used diagnostic equipment [BETA]';
const onePath = '/v2/tickets/used-diagnostic-equipment/{ticketId}/{diagnosticEquipmentId}';

hooks.before(`${listPath} > 200 > application/problem+json`, (transaction, done) => {
  transaction.fullPath = `${collection}?limit=1001`;
  expectError(transaction, 400);
  done();
});

hooks.before(`${addPath} > 201 > application/json`, (transaction, done) => {
  setBody(transaction, { ticket_id: ticket, diagnostic_equipment_id: state.free });
  done();
});

hooks.after(`${addPath} > 201 > application/json`, (transaction, done) => {
  call('DELETE', one(ticket, state.free)).then(() => done(), () => done());
});

hooks.before(`${addPath} > 400 > application/problem+json`, (transaction, done) => {
  setBody(transaction, {});
  done();
});

hooks.before(`${addPath} > 200 > application/problem+json`, (transaction, done) => {
  setBody(transaction, { ticket_id: unknownTicket, diagnostic_equipment_id: state.free });
  expectError(transaction, 404);
  done();
});

hooks.before(`${onePath} > Retrieve a used diagnostic equipment [BETA] > 200 > application/json`, (transaction, done) => {
  // A record to read: one the ticket already has, or one made for the purpose and removed after.
  const ready = state.existing !== undefined ? Promise.resolve() : call('POST', collection, { ticket_id: ticket, diagnostic_equipment_id: state.free }).then(() => { state.created.push(state.free); });
  ready.then(() => {
    transaction.fullPath = one(ticket, state.existing ?? state.free);
    done();
  }, (error) => { transaction.fail = error.message; done(); });
});

hooks.after(`${onePath} > Retrieve a used diagnostic equipment [BETA] > 200 > application/json`, (transaction, done) => {
  Promise.all(state.created.splice(0).map((id) => call('DELETE', one(ticket, id)))).then(() => done(), () => done());
});

hooks.before(`${onePath} > Retrieve a used diagnostic equipment [BETA] > 200 > application/problem+json`, (transaction, done) => {
  transaction.fullPath = one(ticket, unknownId);
  expectError(transaction, 404);
  done();
});

hooks.before(`${onePath} > Remove used diagnostic equipment [BETA] > 204`, (transaction, done) => {
  // Remove only what the hooks made: add the free equipment first.
  call('POST', collection, { ticket_id: ticket, diagnostic_equipment_id: state.free }).then((status) => {
    if (status < 200 || status > 299) transaction.fail = `could not create the record to remove (${status})`;
    transaction.fullPath = one(ticket, state.free);
    done();
  }, (error) => { transaction.fail = error.message; done(); });
});

hooks.before(`${onePath} > Remove used diagnostic equipment [BETA] > 200 > application/problem+json`, (transaction, done) => {
  transaction.fullPath = one(ticket, unknownId);
  expectError(transaction, 404);
  done();
});
