import { mount } from 'svelte';
import Dashboard from '@/components/dashboard/Dashboard.svelte';
import { applyDocumentLocale, t } from '@/lib/i18n/i18n';
import '@/components/theme.css';
import '@/components/dashboard/dashboard.css';

// User Timing marks (local only, read by `npm run bench -- --only dashboard`): where a paint's time goes.
performance.mark('dashboard:start');
// The browser's language decides the words and the direction (ARCHITECTURE.md, "Languages").
applyDocumentLocale(document, t('dash_title'));
mount(Dashboard, { target: document.getElementById('app')! });
