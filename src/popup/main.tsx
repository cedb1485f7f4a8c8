import { render } from 'preact';
import browser from 'webextension-polyfill';

function App() {
  return <h1>{browser.i18n.getMessage('extName')}</h1>;
}

render(<App />, document.getElementById('app')!);
