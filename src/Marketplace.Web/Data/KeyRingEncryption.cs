using System.Security.Cryptography.X509Certificates;
using Marketplace.Web.Platform;
using Microsoft.AspNetCore.DataProtection;

namespace Marketplace.Web.Data;

/// <summary>
/// The certificate that encrypts the data-protection key ring at rest (the keys sign every cookie and token and
/// live in PostgreSQL, where a database dump must not reveal them). PEM text, so it fits a Kubernetes secret.
/// Rotate by moving the old certificate to <see cref="PreviousCertificatesPem"/>: keys it encrypted stay readable.
/// </summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    [DeploymentSetting] public string? CertificatePem { get; set; }
    [DeploymentSetting] public string? PrivateKeyPem { get; set; }
    public List<string> PreviousCertificatesPem { get; set; } = [];
    public List<string> PreviousPrivateKeysPem { get; set; } = [];
}

internal static class KeyRingEncryption
{
    /// <summary>Encrypts the key ring when a certificate is configured; production refuses to start without one.</summary>
    public static IDataProtectionBuilder ProtectKeysFromConfiguration(this IDataProtectionBuilder dataProtection, WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        if (string.IsNullOrWhiteSpace(options.CertificatePem) || string.IsNullOrWhiteSpace(options.PrivateKeyPem))
        {
            if (builder.Environment.IsProduction())
                throw new InvalidOperationException(
                    "DataProtection__CertificatePem and DataProtection__PrivateKeyPem must be set in production: they encrypt the key ring stored in PostgreSQL.");
            return dataProtection;
        }
        var current = Load(options.CertificatePem, options.PrivateKeyPem);
        var previous = options.PreviousCertificatesPem.Zip(options.PreviousPrivateKeysPem, Load);
        return dataProtection.ProtectKeysWithCertificate(current).UnprotectKeysWithAnyCertificate([current, .. previous]);
    }

    // Loaded through PKCS#12 so the private key is usable by the XML decryptor on every platform (a key created
    // from PEM alone is ephemeral, which some platforms' decryptors refuse).
    private static X509Certificate2 Load(string certificatePem, string privateKeyPem)
    {
        using var ephemeral = X509Certificate2.CreateFromPem(certificatePem, privateKeyPem);
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
    }
}
