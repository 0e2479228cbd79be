/**
 * Online payment of an instalment: the server creates the PaymentIntent (with an idempotency key) and returns
 * its client secret; Stripe.js, loaded only when someone pays, shows the card, Alipay and WeChat Pay forms and
 * confirms. The webhook, not this page, records the payment.
 */
import { antiforgeryHeaders } from "./antiforgery";

interface StripeElements { create(kind: "payment"): { mount(el: HTMLElement): void } }
interface StripeJs {
  elements(options: { clientSecret: string; locale?: string }): StripeElements;
  confirmPayment(options: { elements: StripeElements; confirmParams: { return_url: string } }): Promise<{ error?: { message?: string } }>;
}
declare global { interface Window { Stripe?: (key: string) => StripeJs } }

export function attachPayments(doc: Document): void {
  const buttons = doc.querySelectorAll<HTMLButtonElement>("[data-pay-online]");
  const host = doc.querySelector<HTMLElement>("[data-payment-element]");
  if (buttons.length === 0 || !host) return;
  for (const button of buttons) {
    button.addEventListener("click", async () => {
      button.disabled = true;
      const response = await fetch(`/api/payments/${button.dataset.payOnline}/intent`, { method: "POST", headers: antiforgeryHeaders(doc) });
      if (!response.ok) { button.disabled = false; return; }
      const intent = (await response.json()) as { clientSecret: string; publishableKey: string };
      const stripe = (await loadStripe())(intent.publishableKey);
      // Stripe's own words (card errors, the payment form) in the page's language.
      const elements = stripe.elements({ clientSecret: intent.clientSecret, locale: doc.documentElement.lang === "en" ? "en" : "zh" });
      host.hidden = false;
      elements.create("payment").mount(host);
      const pay = doc.createElement("button");
      pay.textContent = button.textContent;
      pay.addEventListener("click", async () => {
        const result = await stripe.confirmPayment({ elements, confirmParams: { return_url: location.href } });
        if (result.error?.message) host.append(result.error.message);
      });
      host.after(pay);
    });
  }
}

function loadStripe(): Promise<(key: string) => StripeJs> {
  if (window.Stripe) return Promise.resolve(window.Stripe);
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "https://js.stripe.com/v3/";
    script.onload = () => (window.Stripe ? resolve(window.Stripe) : reject(new Error("Stripe.js did not load")));
    script.onerror = () => reject(new Error("Stripe.js did not load"));
    document.head.append(script);
  });
}
