import { mount } from 'svelte';
import Settings from '@/components/Settings.svelte';
import { applyDocumentLocale, t } from '@/lib/i18n/i18n';
import '@/components/theme.css';

// The browser's language decides the words and the direction (ARCHITECTURE.md, "Languages").
applyDocumentLocale(document, t('settings_title'));
mount(Settings, { target: document.getElementById('app')! });
