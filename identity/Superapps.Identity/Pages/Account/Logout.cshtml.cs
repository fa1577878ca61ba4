using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Superapps.Identity.Data;
using Superapps.Identity.Features.Sessions;

namespace Superapps.Identity.Pages.Account;

/// <summary>Signs out of the identity server (POST only, with antiforgery). Signed-in users.</summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<ApplicationUser> signIn, UserSessions sessions) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true && Guid.TryParse(User.FindFirstValue(UserSessions.ClaimType), out var sessionId))
        {
            await sessions.EndAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, sessionId, "signed-out", HttpContext.RequestAborted);
        }

        await signIn.SignOutAsync();
        return RedirectToPage("./Login");
    }
}
