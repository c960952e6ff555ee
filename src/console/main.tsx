// The ude-kit admin console: what QA does with curl against /__admin, on a screen.
import { render } from 'preact';
import { App } from './app.js';
import './console.css';

const container = document.getElementById('app')!;
// The placeholder goes: render() adds to what a container holds.
container.textContent = '';
render(<App />, container);
