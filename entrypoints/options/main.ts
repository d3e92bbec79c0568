// First: lib/export's CSV writer needs `Buffer` when its module loads.
import '@/lib/options/node-buffer-global';
import { mount } from 'svelte';
import Settings from '@/components/Settings.svelte';
import '@/components/theme.css';

mount(Settings, { target: document.getElementById('app')! });
