using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Superapps.Identity.Features.Administration;
using Superapps.SharedKernel;

namespace Superapps.Identity.Pages.Admin.Roles;

/// <summary>Per-role security policy: whether members must use MFA. Administrators with an MFA sign-in (folder convention).</summary>
public sealed class IndexModel(UserAdministration administration) : PageModel
{
    public IReadOnlyList<RolePolicyRow> Policies { get; private set; } = [];

    public UserError? Error { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public async Task OnGetAsync()
    {
        Policies = await administration.ListRolePoliciesAsync(HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAsync(string? role, bool requireMfa)
    {
        var result = !ModelState.IsValid
            ? AdministrationResult.Invalid(new UserError("identity.admin.invalid-request", "Permintaan tidak valid.", "The request is invalid."))
            : await administration.SetRoleRequiresMfaAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, role, requireMfa, HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            return RedirectToPage(new { Saved = true });
        }

        Error = result.Error;
        Response.StatusCode = result.Failure == AdministrationFailure.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
        await OnGetAsync();
        return Page();
    }
}
