import 'zwgk-kit/contact-card.js';
import 'zwgk-kit/directory.js';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
