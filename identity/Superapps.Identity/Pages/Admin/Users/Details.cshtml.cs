using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Superapps.Identity.Features.Administration;
using Superapps.SharedKernel;

namespace Superapps.Identity.Pages.Admin.Users;

/// <summary>
/// One account and what an administrator may do to it: disable or enable, end sessions, unlock, reset MFA.
/// Each action is a POST with antiforgery, handled by <see cref="UserAdministration"/>, then redirected
/// back here. Administrators with an MFA sign-in (folder convention).
/// </summary>
public sealed class DetailsModel(UserAdministration administration) : PageModel
{
    private static readonly Dictionary<string, (string Indonesian, string English)> Messages = new(StringComparer.Ordinal)
    {
        ["disabled"] = ("Akun dinonaktifkan; semua sesinya diakhiri dan tokennya dicabut.", "Account disabled; all its sessions ended and its tokens revoked."),
        ["enabled"] = ("Akun diaktifkan kembali.", "Account enabled again."),
        ["sessions-ended"] = ("Semua sesi diakhiri dan tokennya dicabut.", "All sessions ended and their tokens revoked."),
        ["unlocked"] = ("Kunci akun dibuka.", "Account unlocked."),
        ["mfa-reset"] = ("Verifikasi dua langkah direset; pengguna mendaftar ulang saat masuk berikutnya.", "Two-step verification reset; the user enrols again at the next sign-in."),
    };

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    /// <summary>Which action just succeeded (after the redirect).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public UserDetails? Details { get; private set; }

    public UserError? Error { get; private set; }

    /// <summary>The action whose form failed: its reason is shown again, nothing typed is lost.</summary>
    public string? FailedAction { get; private set; }

    public string? Message => Done is not null && Messages.TryGetValue(Done, out var m) ? Bilingual.T(m.Indonesian, m.English) : null;

    public bool IsSelf => Details?.Account.Id == ActorId;

    private string ActorId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync()
    {
        Details = await administration.FindAsync(Id, HttpContext.RequestAborted);
        if (Details is null)
        {
            Error = AdministrationErrors.UserNotFound;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }

    public Task<IActionResult> OnPostDisableAsync() => RunAsync("disabled", administration.DisableAsync);

    public Task<IActionResult> OnPostEnableAsync() => RunAsync("enabled", administration.EnableAsync);

    public Task<IActionResult> OnPostEndSessionsAsync() => RunAsync("sessions-ended", administration.EndSessionsAsync);

    public Task<IActionResult> OnPostUnlockAsync() => RunAsync("unlocked", administration.UnlockAsync);

    public Task<IActionResult> OnPostResetMfaAsync() => RunAsync("mfa-reset", administration.ResetMfaAsync);

    private async Task<IActionResult> RunAsync(string action, Func<string, string?, string?, CancellationToken, Task<AdministrationResult>> run)
    {
        var result = await run(ActorId, Id, Reason, HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            return RedirectToPage(new { Id, Done = action });
        }

        await OnGetAsync();
        Error = result.Error;
        FailedAction = action;
        Response.StatusCode = result.Failure switch
        {
            AdministrationFailure.NotFound => StatusCodes.Status404NotFound,
            AdministrationFailure.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return Page();
    }
}
