'use strict';
// The rooms protocol of Parley's /ws, in memory: join, message to everyone in the room but the sender, leave.
// Shared by both peers; each supplies how to send to a client.

function createRooms() {
  const rooms = new Map();

  function join(client, roomId) {
    let members = rooms.get(roomId);
    if (!members) {
      members = new Set();
      rooms.set(roomId, members);
    }
    members.add(client);
    client.rooms.add(roomId);
  }

  function leave(client, roomId) {
    const members = rooms.get(roomId);
    if (members) {
      members.delete(client);
      if (members.size === 0) rooms.delete(roomId);
    }
    client.rooms.delete(roomId);
  }

  function leaveAll(client) {
    for (const roomId of client.rooms) leave(client, roomId);
  }

  function others(client, roomId) {
    const members = rooms.get(roomId);
    return members ? [...members].filter((member) => member !== client) : [];
  }

  return { join, leave, leaveAll, others };
}

module.exports = { createRooms };
