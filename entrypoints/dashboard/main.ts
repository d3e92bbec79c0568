import { mount } from 'svelte';
import Dashboard from '@/components/dashboard/Dashboard.svelte';
import '@/components/theme.css';
import '@/components/dashboard/dashboard.css';

// User Timing marks (local only, read by `npm run bench -- --only dashboard`): where a paint's time goes.
performance.mark('dashboard:start');
mount(Dashboard, { target: document.getElementById('app')! });
