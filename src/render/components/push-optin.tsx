/**
 * "Get breaking news alerts" (Web Push), in the site footer. Rendered hidden: without JavaScript, or in
 * a browser that cannot take pushes, there is nothing to offer, and the island (client/push-optin)
 * reveals it only where it can work. Nothing is shown when push is switched off (no script URL).
 */
export function PushOptIn({ script }: { script: string | undefined }) {
  if (!script) return null;
  return (
    <div class="push-optin" data-push-optin hidden>
      <p class="push-optin-text">
        <strong>Breaking news alerts.</strong> A notification on this device when a big story breaks.
      </p>
      <button type="button" class="push-optin-button" data-push-button>
        Get breaking news alerts
      </button>
      <p class="push-optin-status" role="status" data-push-status />
      <script type="module" src={script} />
    </div>
  );
}
