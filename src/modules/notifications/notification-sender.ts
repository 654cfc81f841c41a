/**
 * Delivery of notifications by e-mail or SMS, behind one interface. The default sender writes
 * the message to the application log, so a deployment without a mail or SMS gateway loses nothing
 * (the in-app feed always has it); an operator plugs in a real gateway by implementing `send`.
 */
import type { Log } from '../../shared/context.js';

/** One outgoing message. */
export interface OutgoingMessage {
  userId: number;
  to: string;
  subject: string;
  text: string;
  evidence: string[];
}

/** A delivery channel. */
export interface NotificationSender {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
}

/** Writes messages to the log (the default). */
export class LogSender implements NotificationSender {
  readonly name = 'log';
  constructor(private readonly log: Log) {}
  async send(message: OutgoingMessage): Promise<void> {
    this.log.info({ notification: { to: message.to, subject: message.subject, evidence: message.evidence } }, `notification to ${message.to}: ${message.subject}`);
  }
}

/** Keeps messages in memory (tests, and previews in development). */
export class MemorySender implements NotificationSender {
  readonly name = 'memory';
  readonly sent: OutgoingMessage[] = [];
  async send(message: OutgoingMessage): Promise<void> {
    this.sent.push(message);
  }
}
