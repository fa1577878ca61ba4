using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Superapps.Identity.Data;
using Superapps.ServiceDefaults;
using Superapps.SharedKernel;
using static Superapps.SharedKernel.Bilingual;

namespace Superapps.Identity.Pages.Account;

/// <summary>Sign in with NIP or e-mail and password. Open to everyone; lockout after repeated failures.</summary>
[AllowAnonymous]
public sealed class LoginModel(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, IAuditTrail audit) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
        ReturnUrl = ServiceDefaultsExtensions.SafeReturnUrl(ReturnUrl);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ReturnUrl = ServiceDefaultsExtensions.SafeReturnUrl(ReturnUrl);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var user = await FindUserAsync(Input.Login);
        if (user is null || user.IsDisabled)
        {
            await audit.RecordAsync(new AuditEvent("identity", "login.failed", "user", user?.Id ?? "-", "Gagal masuk: pengguna tidak dikenal atau nonaktif",
                new { login = Input.Login.Trim() }), HttpContext.RequestAborted);
            return Failed(StatusCodes.Status400BadRequest, T("NIP/e-mail atau kata sandi salah.", "Wrong NIP/e-mail or password."));
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordAsync(new AuditEvent("identity", "login.succeeded", "user", user.Id, "Berhasil masuk"), HttpContext.RequestAborted);
            return LocalRedirect(ReturnUrl);
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("./LoginWith2fa", new { ReturnUrl });
        }

        if (result.IsLockedOut)
        {
            await audit.RecordAsync(new AuditEvent("identity", "login.locked-out", "user", user.Id,
                "Akun terkunci sementara setelah berulang kali gagal masuk", new { until = user.LockoutEnd }), HttpContext.RequestAborted);
            var minutes = user.LockoutEnd is { } end ? Math.Max(1, (int)Math.Ceiling((end - DateTimeOffset.UtcNow).TotalMinutes)) : 15;
            return Failed(StatusCodes.Status403Forbidden, T(
                $"Akun Anda dikunci sementara karena terlalu sering salah memasukkan kata sandi. Coba lagi dalam {minutes} menit atau hubungi admin.",
                $"Your account is locked for a while after too many wrong passwords. Try again in {minutes} minutes or contact an administrator."));
        }

        await audit.RecordAsync(new AuditEvent("identity", "login.failed", "user", user.Id, "Gagal masuk: kata sandi salah",
            new { failures = await users.GetAccessFailedCountAsync(user) }), HttpContext.RequestAborted);
        return Failed(StatusCodes.Status400BadRequest, T("NIP/e-mail atau kata sandi salah.", "Wrong NIP/e-mail or password."));
    }

    private PageResult Failed(int status, string message)
    {
        Error = message;
        Input.Password = string.Empty;
        Response.StatusCode = status;
        return Page();
    }

    private async Task<ApplicationUser?> FindUserAsync(string login)
    {
        var value = login.Trim();
        if (value.Contains('@', StringComparison.Ordinal))
        {
            var normalized = users.NormalizeEmail(value);
            return await users.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized);
        }

        return await users.FindByNameAsync(value.Replace(" ", string.Empty, StringComparison.Ordinal));
    }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Isi NIP atau e-mail. / Enter your NIP or e-mail.")]
        [StringLength(254)]
        public string Login { get; set; } = string.Empty;

        [Required(ErrorMessage = "Isi kata sandi. / Enter your password.")]
        [StringLength(256)]
        public string Password { get; set; } = string.Empty;
    }
}
