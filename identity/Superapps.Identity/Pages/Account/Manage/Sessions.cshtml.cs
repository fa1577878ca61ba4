using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Superapps.Identity.Data;
using Superapps.Identity.Features.Sessions;

namespace Superapps.Identity.Pages.Account.Manage;

/// <summary>The signed-in user's active sessions; they may end any of them. Signed-in users only (folder convention).</summary>
public sealed class SessionsModel(UserSessions sessions, SignInManager<ApplicationUser> signIn) : PageModel
{
    public IReadOnlyList<UserSession> Active { get; private set; } = [];

    public Guid Current { get; private set; }

    public string? Message { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync()
    {
        Current = Guid.TryParse(User.FindFirstValue(UserSessions.ClaimType), out var sid) ? sid : Guid.Empty;
        Active = await sessions.ListActiveAsync(UserId, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostEndAsync(Guid sessionId)
    {
        var ended = await sessions.EndAsync(UserId, sessionId, "ended-by-user", HttpContext.RequestAborted);
        if (Guid.TryParse(User.FindFirstValue(UserSessions.ClaimType), out var current) && current == sessionId)
        {
            await signIn.SignOutAsync();
            return RedirectToPage("/Account/Login");
        }

        if (!ended)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        Message = ended ? Superapps.SharedKernel.Bilingual.T("Sesi diakhiri.", "Session ended.") : Superapps.SharedKernel.Bilingual.T("Sesi tidak ditemukan atau sudah berakhir.", "Session not found or already ended.");
        await OnGetAsync();
        return Page();
    }
}
