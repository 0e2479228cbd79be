#!/usr/bin/env bash
# Makes the self-signed certificate that encrypts the marketplace's data-protection key ring at rest, and prints
# the two settings in environment form (for infra/.env or a Kubernetes secret). Keep the private key secret; to
# rotate, give the old pair as DataProtection__PreviousCertificatesPem__0 / DataProtection__PreviousPrivateKeysPem__0.
set -euo pipefail
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
openssl req -x509 -newkey rsa:3072 -nodes -days 3650 -subj "/CN=weihai-marketplace-keyring" \
  -keyout "$dir/key.pem" -out "$dir/cert.pem" 2>/dev/null
printf 'KEYRING_CERTIFICATE_PEM="%s"\n' "$(cat "$dir/cert.pem")"
printf 'KEYRING_PRIVATE_KEY_PEM="%s"\n' "$(cat "$dir/key.pem")"
