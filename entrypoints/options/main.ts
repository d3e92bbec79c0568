import { mount } from 'svelte';
import Settings from '@/components/Settings.svelte';
import '@/components/theme.css';

mount(Settings, { target: document.getElementById('app')! });
