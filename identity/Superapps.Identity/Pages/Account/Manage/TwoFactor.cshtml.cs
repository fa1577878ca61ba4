using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using QRCoder;
using Superapps.Identity.Data;
using Superapps.ServiceDefaults;
using Superapps.SharedKernel;

namespace Superapps.Identity.Pages.Account.Manage;

/// <summary>TOTP enrolment with an authenticator app, and recovery codes. Signed-in users only (folder convention).</summary>
public sealed class TwoFactorModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, IAuditTrail audit, IOptions<CityOptions> city) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Required { get; set; }

    [BindProperty]
    public string Code { get; set; } = string.Empty;

    public bool Enabled { get; private set; }

    public string SharedKey { get; private set; } = string.Empty;

    public string QrSvg { get; private set; } = string.Empty;

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var code = Code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            Error = Bilingual.T("Kode verifikasi salah. Periksa jam ponsel Anda dan coba lagi.", "Wrong verification code. Check your phone's clock and try again.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        await audit.RecordAsync(new AuditEvent("identity", "mfa.enabled", "user", user.Id, "Verifikasi dua langkah diaktifkan"), HttpContext.RequestAborted);
        await signIn.RefreshSignInAsync(user);
        Enabled = true;
        ReturnUrl = ServiceDefaultsExtensions.SafeReturnUrl(ReturnUrl);
        return Page();
    }

    private async Task LoadAsync(ApplicationUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        if (Enabled)
        {
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        SharedKey = string.Join(' ', Enumerable.Range(0, (key!.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - (i * 4)))).ToArray()).ToLowerInvariant();
        var issuer = Uri.EscapeDataString("Superapps " + city.Value.Name);
        var uri = string.Create(CultureInfo.InvariantCulture, $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.UserName!)}?secret={key}&issuer={issuer}&digits=6");
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(4);
    }
}
