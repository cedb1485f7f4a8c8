#!/usr/bin/python3
"""
A desktop notification service for the e2e tests: the org.freedesktop.Notifications D-Bus interface that
Chromium on Linux sends its notifications to (libnotify's protocol), which "clicks" each notification half a
second after it is shown by emitting ActionInvoked(id, "default"), as a notification daemon does when the
user clicks one. Prints one JSON line per event. Needs Debian's python3-dbus (run with /usr/bin/python3).
dbus-python only runs on GLib's main loop; GLib itself is driven through ctypes (no PyGObject needed).
"""
import ctypes, sys, json
import dbus, dbus.service
from dbus.mainloop.glib import DBusGMainLoop

DBusGMainLoop(set_as_default=True)
glib = ctypes.CDLL('libglib-2.0.so.0')
glib.g_main_loop_new.restype = ctypes.c_void_p
glib.g_main_loop_run.argtypes = [ctypes.c_void_p]
TIMEOUT = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p)
glib.g_timeout_add.argtypes = [ctypes.c_uint, TIMEOUT, ctypes.c_void_p]
keep = []

class Server(dbus.service.Object):
    def __init__(self, bus):
        super().__init__(bus, '/org/freedesktop/Notifications')
        self.next = 1

    @dbus.service.method('org.freedesktop.Notifications', in_signature='', out_signature='as')
    def GetCapabilities(self):
        return ['actions', 'body']

    @dbus.service.method('org.freedesktop.Notifications', in_signature='', out_signature='ssss')
    def GetServerInformation(self):
        return ('afx-test', 'afx', '1', '1.2')

    @dbus.service.method('org.freedesktop.Notifications', in_signature='susssasa{sv}i', out_signature='u')
    def Notify(self, app, replaces, icon, summary, body, actions, hints, timeout):
        nid = replaces or self.next
        self.next += 1
        print(json.dumps({'notify': nid, 'summary': str(summary), 'actions': [str(a) for a in actions]}), flush=True)
        def click(_):
            self.ActionInvoked(nid, 'default')
            print(json.dumps({'clicked': nid}), flush=True)
            return 0
        cb = TIMEOUT(click)
        keep.append(cb)
        glib.g_timeout_add(500, cb, None)
        return nid

    @dbus.service.method('org.freedesktop.Notifications', in_signature='u', out_signature='')
    def CloseNotification(self, nid):
        print(json.dumps({'closed': int(nid)}), flush=True)

    @dbus.service.signal('org.freedesktop.Notifications', signature='us')
    def ActionInvoked(self, nid, key):
        pass

    @dbus.service.signal('org.freedesktop.Notifications', signature='uu')
    def NotificationClosed(self, nid, reason):
        pass

bus = dbus.SessionBus()
name = dbus.service.BusName('org.freedesktop.Notifications', bus)
server = Server(bus)
print(json.dumps({'ready': True}), flush=True)
glib.g_main_loop_run(glib.g_main_loop_new(None, False))
