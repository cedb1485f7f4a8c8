import '../ui/theme.css';
import './popup.css';
import { render } from 'preact';
import { mountWithSettings } from '../ui/mount.tsx';
import { PopupApp } from './app.tsx';

mountWithSettings(
  document.getElementById('app')!,
  (settings) => <PopupApp settings={settings} now={Date.now} />,
  render,
);
