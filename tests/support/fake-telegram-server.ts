// The fake lives beside the adapter so that the demo script can use it too.
export * from '../../bot/channels/telegram/dev/fake-telegram-server.js';
