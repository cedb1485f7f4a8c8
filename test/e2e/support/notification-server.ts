import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { until } from './until.ts';

/** What the notification service saw: a notification shown, clicked, or closed by the browser. */
export type NotificationEvent =
  | { notify: number; summary: string; actions: string[] }
  | { clicked: number }
  | { closed: number };

export interface NotificationServer {
  /** The private session bus; a browser started with `DBUS_SESSION_BUS_ADDRESS` set to it uses the service. */
  address: string;
  events: NotificationEvent[];
  close(): void;
}

const PYTHON = '/usr/bin/python3';

/** Whether this machine has what the service needs: dbus-daemon and Debian's python3-dbus. */
export function canServeNotifications(): boolean {
  try {
    execFileSync('dbus-daemon', ['--version'], { stdio: 'ignore' });
    execFileSync(PYTHON, ['-c', 'import dbus.mainloop.glib'], { stdio: 'ignore' });
    return existsSync(PYTHON);
  } catch {
    return false;
  }
}

/**
 * A private D-Bus session bus with a notification service that clicks every notification
 * (notification-server.py): the real path of a click on Linux, from the desktop's notification daemon to the
 * browser to the extension's `notifications.onClicked`.
 */
export async function startNotificationServer(): Promise<NotificationServer> {
  const processes: ChildProcess[] = [];
  const close = () => {
    for (const child of processes.reverse()) child.kill();
  };
  try {
    const bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    processes.push(bus);
    let address = '';
    bus.stdout.on('data', (chunk: Buffer) => {
      address ||= chunk.toString().split('\n')[0]?.trim() ?? '';
    });
    await until('the session bus', async () => address !== '', 10_000);
    const events: NotificationEvent[] = [];
    let ready = false;
    const server = spawn(PYTHON, [join(import.meta.dirname, 'notification-server.py')], {
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: address },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    processes.push(server);
    let buffered = '';
    server.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines.filter(Boolean)) {
        const event = JSON.parse(line) as NotificationEvent | { ready: true };
        if ('ready' in event) ready = true;
        else events.push(event);
      }
    });
    await until('the notification service', async () => ready, 10_000);
    return { address, events, close };
  } catch (error) {
    close();
    throw error;
  }
}
