// Renderer entry: global styles, Vietnamese messages for the browser's form checks, then the App shell.
import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { installViValidity } from './lib/vi-validity';

installViValidity();

const target = document.getElementById('app');
if (!target) throw new Error('#app missing');
export default mount(App, { target });
