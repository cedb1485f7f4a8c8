import '../ui/theme.css';
import './welcome.css';
import { render } from 'preact';
import { mountWithSettings } from '../ui/mount.tsx';
import { WelcomeApp } from './app.tsx';

mountWithSettings(document.getElementById('app')!, (settings) => <WelcomeApp settings={settings} />, render);
