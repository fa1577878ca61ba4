using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Superapps.Identity.Data;
using Superapps.Identity.Features.Administration;
using Superapps.Identity.Features.Sessions;
using Superapps.ServiceDefaults;
using Superapps.SharedKernel;

namespace Superapps.Identity.Pages.Account;

/// <summary>
/// A signed-in user asked for a page they may not use (403). An administrator whose sign-in did not use
/// the second factor may sign in again with it. Open to everyone.
/// </summary>
[AllowAnonymous]
public sealed class AccessDeniedModel(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, UserSessions sessions) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>An administrator without an MFA sign-in: may sign in again.</summary>
    public bool NeedsMfaSignIn { get; private set; }

    /// <summary>An administrator who has not enrolled MFA yet.</summary>
    public bool NeedsMfaEnrolment { get; private set; }

    public async Task OnGetAsync()
    {
        ReturnUrl = ServiceDefaultsExtensions.SafeReturnUrl(ReturnUrl);
        Response.StatusCode = StatusCodes.Status403Forbidden;
        if (User.IsInRole(Roles.Administrator) && !User.HasClaim(AdministrationPolicy.AuthenticationMethodClaim, AdministrationPolicy.MultiFactor)
            && await users.GetUserAsync(User) is { } user)
        {
            NeedsMfaEnrolment = !await users.GetTwoFactorEnabledAsync(user);
            NeedsMfaSignIn = !NeedsMfaEnrolment;
        }
    }

    /// <summary>Ends this session and asks for the password and the second factor again.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        ReturnUrl = ServiceDefaultsExtensions.SafeReturnUrl(ReturnUrl);
        if (User.Identity?.IsAuthenticated == true && Guid.TryParse(User.FindFirstValue(UserSessions.ClaimType), out var sessionId))
        {
            await sessions.EndAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, sessionId, "signed-out", HttpContext.RequestAborted);
        }

        await signIn.SignOutAsync();
        return RedirectToPage("./Login", new { ReturnUrl });
    }
}
