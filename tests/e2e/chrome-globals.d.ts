// The extension API as the e2e tests call it inside extension pages (page.evaluate).
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<any>; getManifest(): { version: string } };
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]>; sendMessage(tabId: number, message: unknown): Promise<any> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  storage: { local: { get(key: string): Promise<Record<string, any>> } };
};
