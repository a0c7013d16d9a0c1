'use strict';
// A Socket.IO 4 server with the same rooms protocol: events JOIN_CONVERSATION, SEND_MESSAGE, LEAVE_CONVERSATION.
const http = require('http');
const { Server } = require('socket.io');

const port = Number(process.env.PORT || 8082);
const httpServer = http.createServer();
const io = new Server(httpServer, { transports: ['websocket'], perMessageDeflate: false, serveClient: false });

io.on('connection', (socket) => {
  socket.on('JOIN_CONVERSATION', (data) => {
    socket.join(data.conversationId);
    socket.emit('JOINED_CONVERSATION', { conversationId: data.conversationId, status: 'assigned' });
  });
  socket.on('SEND_MESSAGE', (data) => {
    socket.to(data.conversationId).emit('NEW_MESSAGE', {
      conversationId: data.conversationId, senderId: 'peer', senderRole: 'candidate',
      content: data.content, createdAt: new Date().toISOString(),
    });
  });
  socket.on('LEAVE_CONVERSATION', (data) => {
    socket.leave(data.conversationId);
    socket.emit('LEFT_CONVERSATION', { conversationId: data.conversationId });
  });
});

httpServer.listen(port, '127.0.0.1', () => console.log(`socket.io peer listening on ${port}`));
