using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Superapps.Identity.Data;
using Superapps.ServiceDefaults;
using Superapps.SharedKernel;

namespace Superapps.Identity.Pages.Account;

/// <summary>The second step after a correct password: a TOTP code or a recovery code. Open to the user mid-sign-in.</summary>
[AllowAnonymous]
public sealed class LoginWith2faModel(SignInManager<ApplicationUser> signIn, IAuditTrail audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string Code { get; set; } = string.Empty;

    [BindProperty]
    public bool UseRecoveryCode { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        ReturnUrl = ServiceDefaultsExtensions.SafeReturnUrl(ReturnUrl);
        return await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("./Login") : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ReturnUrl = ServiceDefaultsExtensions.SafeReturnUrl(ReturnUrl);
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("./Login");
        }

        var code = Code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        var result = UseRecoveryCode
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await audit.RecordAsync(new AuditEvent("identity", "login.succeeded", "user", user.Id, "Berhasil masuk dengan verifikasi dua langkah"), HttpContext.RequestAborted);
            return LocalRedirect(ReturnUrl);
        }

        Error = result.IsLockedOut
            ? Bilingual.T("Akun dikunci sementara karena terlalu sering salah kode.", "The account is locked for a while after too many wrong codes.")
            : Bilingual.T("Kode salah. Coba lagi.", "Wrong code. Try again.");
        Response.StatusCode = result.IsLockedOut ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
        await audit.RecordAsync(new AuditEvent("identity", "mfa.failed", "user", user.Id, "Kode verifikasi dua langkah salah"), HttpContext.RequestAborted);
        return Page();
    }
}
