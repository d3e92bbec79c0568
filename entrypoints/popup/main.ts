import { mount } from 'svelte';
import Popup from '@/components/Popup.svelte';
import { applyDocumentLocale, t } from '@/lib/i18n/i18n';
import '@/components/theme.css';

// The browser's language decides the words and the direction (ARCHITECTURE.md, "Languages").
applyDocumentLocale(document, t('ext_name'));
mount(Popup, { target: document.getElementById('app')! });
