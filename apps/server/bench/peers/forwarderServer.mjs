// The floor for bench:peers: a relay that does nothing but pass frames on, speaking just enough
// of the y-websocket protocol for the load generator. No document, no storage, no checks: every
// update goes to the others on its board as it arrived, every presence frame to everyone (as
// y-websocket relays presence). Its CPU is what moving the workload's frames through one Node
// process costs on this machine, one write per frame per client as the peers make: a
// reference for what any server that also applies, checks or stores them pays first. Plain
// JavaScript, like hocuspocusServer.mjs. HOST and PORT from the environment.
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
// Sync step 2 with an empty update: the answer to every client's step 1.
const EMPTY_STEP2 = Buffer.from([MESSAGE_SYNC, SYNC_STEP2, 2, 0, 0]);

/** Clients by board (the URL's path). */
const boards = new Map();

const http = createServer((_request, response) => response.end('forwarder'));
const wss = new WebSocketServer({ server: http, perMessageDeflate: false });
wss.on('connection', (socket, request) => {
  const name = new URL(request.url ?? '/', 'http://x').pathname;
  const clients = boards.get(name) ?? new Set();
  boards.set(name, clients);
  clients.add(socket);
  socket.on('message', (data) => {
    if (data[0] === MESSAGE_SYNC && data[1] === SYNC_STEP1) socket.send(EMPTY_STEP2);
    else if (data[0] === MESSAGE_SYNC && data[1] === SYNC_STEP2) return;
    else if (data[0] === MESSAGE_SYNC) {
      for (const other of clients) if (other !== socket) other.send(data);
    } else if (data[0] === MESSAGE_AWARENESS) {
      for (const other of clients) other.send(data);
    }
  });
  socket.on('close', () => {
    clients.delete(socket);
    if (clients.size === 0) boards.delete(name);
  });
});
http.listen(Number(process.env.PORT || 1234), process.env.HOST || '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
