using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Superapps.Signing.Features.Authority;

namespace Superapps.Signing.Tests;

public sealed class CertificateIssuerTests(TestPki pki) : IClassFixture<TestPki>
{
    private readonly TestPki _pki = pki;

    [Fact]
    public void The_root_is_a_20_year_ca_that_may_sign_one_level_of_cas()
    {
        var root = _pki.Root;
        (root.NotAfter.ToUniversalTime() - root.NotBefore.ToUniversalTime()).TotalDays.ShouldBeInRange(365 * 20, 365 * 20 + 6);
        var constraints = root.Extensions.OfType<X509BasicConstraintsExtension>().Single();
        constraints.CertificateAuthority.ShouldBeTrue();
        constraints.HasPathLengthConstraint.ShouldBeTrue();
        constraints.PathLengthConstraint.ShouldBe(1);
        constraints.Critical.ShouldBeTrue();
        root.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages.ShouldBe(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign);
        root.GetRSAPublicKey()!.KeySize.ShouldBe(3072);
        root.Subject.ShouldContain("O=Pemerintah Kota Demo");
    }

    [Fact]
    public void The_intermediate_is_a_10_year_ca_with_path_length_0_and_a_crl_address()
    {
        var intermediate = _pki.Intermediate;
        (intermediate.NotAfter.ToUniversalTime() - intermediate.NotBefore.ToUniversalTime()).TotalDays.ShouldBeInRange(365 * 10, 365 * 10 + 3);
        var constraints = intermediate.Extensions.OfType<X509BasicConstraintsExtension>().Single();
        constraints.CertificateAuthority.ShouldBeTrue();
        constraints.PathLengthConstraint.ShouldBe(0);
        intermediate.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages.HasFlag(X509KeyUsageFlags.KeyCertSign).ShouldBeTrue();
        intermediate.IssuerName.RawData.ShouldBe(_pki.Root.SubjectName.RawData);
        intermediate.Extensions.Single(e => e.Oid?.Value == "2.5.29.31").Format(false).ShouldContain("https://portal.kotademo.go.id/pki/root.crl");
    }

    [Fact]
    public void A_signing_certificate_lasts_2_years_and_may_only_sign_documents()
    {
        var user = _pki.User;
        (user.NotAfter.ToUniversalTime() - user.NotBefore.ToUniversalTime()).TotalDays.ShouldBeInRange(365 * 2 - 1, 365 * 2 + 1);
        user.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority.ShouldBeFalse();
        user.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages.ShouldBe(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation);
        var purposes = user.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value).ToList();
        purposes.ShouldContain(CertificateIssuer.EmailProtectionOid);
        purposes.ShouldContain(CertificateIssuer.DocumentSigningOid);
        user.Extensions.Single(e => e.Oid?.Value == "2.5.29.31").Format(false).ShouldContain("https://portal.kotademo.go.id/pki/intermediate.crl");
        user.GetRSAPublicKey()!.KeySize.ShouldBe(2048);
        user.Subject.ShouldContain("CN=Budi Santoso");
        user.Subject.ShouldContain("SERIALNUMBER=198503152010011002");
        user.Subject.ShouldContain("OU=Dinas Komunikasi dan Informatika");
    }

    [Fact]
    public void A_signing_certificate_chains_to_the_root_and_not_to_another()
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_pki.Root);
        chain.ChainPolicy.ExtraStore.Add(_pki.Intermediate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = TestPki.Now.AddDays(1).UtcDateTime;
        chain.Build(_pki.User).ShouldBeTrue(string.Join(", ", chain.ChainStatus.Select(s => s.Status)));
        chain.ChainElements.Count.ShouldBe(3);

        using var other = new TestPki();
        using var foreign = new X509Chain();
        foreign.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        foreign.ChainPolicy.CustomTrustStore.Add(other.Root);
        foreign.ChainPolicy.ExtraStore.Add(_pki.Intermediate);
        foreign.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        foreign.ChainPolicy.VerificationTime = TestPki.Now.AddDays(1).UtcDateTime;
        foreign.Build(_pki.User).ShouldBeFalse();
    }

    [Fact]
    public void A_crl_lists_revoked_serials()
    {
        var crl = CertificateIssuer.BuildCrl(_pki.Intermediate, _pki.IntermediateKey,
            [new RevokedEntry(_pki.User.SerialNumber, TestPki.Now, X509RevocationReason.KeyCompromise)], TestPki.Now);
        var loaded = CertificateRevocationListBuilder.Load(crl, out _);
        loaded.RemoveEntry(Convert.FromHexString(_pki.User.SerialNumber)).ShouldBeTrue();
    }

    [Fact]
    public void A_private_key_opens_only_with_its_passphrase()
    {
        var encrypted = KeyProtection.Encrypt(_pki.UserKey, "frasa-sandi-benar", 10_000);
        using var opened = KeyProtection.Decrypt(encrypted, "frasa-sandi-benar");
        opened.ExportParameters(false).Modulus.ShouldBe(_pki.UserKey.ExportParameters(false).Modulus);
        Should.Throw<WrongPassphraseException>(() => KeyProtection.Decrypt(encrypted, "frasa-sandi-salah"));
        System.Text.Encoding.ASCII.GetString(encrypted).ShouldNotContain("PRIVATE");
    }
}
