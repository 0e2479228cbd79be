using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Marketplace.Tests.Shared;

/// <summary>A throwaway certificate for the data-protection key ring, which production mode requires.</summary>
public static class TestKeyRing
{
    private static readonly Lazy<(string Certificate, string PrivateKey)> Pair = new(() =>
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=test-keyring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return (certificate.ExportCertificatePem(), rsa.ExportPkcs8PrivateKeyPem());
    });

    public static IEnumerable<KeyValuePair<string, string>> Settings() =>
    [
        new("DataProtection:CertificatePem", Pair.Value.Certificate),
        new("DataProtection:PrivateKeyPem", Pair.Value.PrivateKey),
    ];
}
