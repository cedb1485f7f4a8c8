import '../ui/theme.css';
import './options.css';
import { render } from 'preact';
import { mountWithSettings } from '../ui/mount.tsx';
import { OptionsApp } from './app.tsx';

mountWithSettings(document.getElementById('app')!, (settings) => <OptionsApp settings={settings} />, render);
