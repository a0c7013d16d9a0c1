'use strict';
// A minimal Node server on the `ws` package speaking Parley's frames {"event", "data"} on /ws.
const { WebSocketServer } = require('ws');
const { createRooms } = require('./rooms');

const port = Number(process.env.PORT || 8081);
const rooms = createRooms();
const server = new WebSocketServer({ host: '127.0.0.1', port, path: '/ws', perMessageDeflate: false });

function send(socket, event, data) {
  socket.send(JSON.stringify({ event, data }));
}

server.on('connection', (socket) => {
  socket.rooms = new Set();
  socket.on('message', (raw) => {
    let frame;
    try {
      frame = JSON.parse(raw);
    } catch (e) {
      return send(socket, 'ERROR', { message: 'Invalid message format' });
    }
    const data = frame.data || {};
    switch (frame.event) {
      case 'JOIN_CONVERSATION':
        rooms.join(socket, data.conversationId);
        return send(socket, 'JOINED_CONVERSATION', { conversationId: data.conversationId, status: 'assigned' });
      case 'SEND_MESSAGE': {
        const text = JSON.stringify({
          event: 'NEW_MESSAGE',
          data: { conversationId: data.conversationId, senderId: 'peer', senderRole: 'candidate',
            content: data.content, createdAt: new Date().toISOString() },
        });
        for (const other of rooms.others(socket, data.conversationId)) other.send(text);
        return undefined;
      }
      case 'LEAVE_CONVERSATION':
        rooms.leave(socket, data.conversationId);
        return send(socket, 'LEFT_CONVERSATION', { conversationId: data.conversationId });
      default:
        return send(socket, 'ERROR', { message: 'Unknown event' });
    }
  });
  socket.on('close', () => rooms.leaveAll(socket));
});

server.on('listening', () => console.log(`ws peer listening on ${port}`));
