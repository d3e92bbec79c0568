import { mount } from 'svelte';
import Dashboard from '@/components/dashboard/Dashboard.svelte';
import '@/components/theme.css';
import '@/components/dashboard/dashboard.css';

mount(Dashboard, { target: document.getElementById('app')! });
