import { mount } from 'svelte';
import Popup from '@/components/Popup.svelte';
import '@/components/theme.css';

mount(Popup, { target: document.getElementById('app')! });
