namespace Superapps.AppCatalog.Contracts;

/// <summary>
/// Who may open an application. A public app needs no sign-in. Otherwise the user must be signed in and, when the
/// lists are not empty, hold one of the roles and belong to one of the OPDs.
/// </summary>
public sealed record AppAccess(bool IsPublic, IReadOnlyList<string> Roles, IReadOnlyList<Guid> AgencyIds)
{
    /// <summary>Every signed-in civil servant.</summary>
    public static AppAccess Employees { get; } = new(false, [], []);

    /// <summary>Anyone, without signing in.</summary>
    public static AppAccess Public { get; } = new(true, [], []);

    /// <summary>Whether a user may open the app.</summary>
    /// <param name="signedIn">Whether the user is signed in.</param>
    /// <param name="roles">The user's roles.</param>
    /// <param name="agencyIds">The OPDs the user belongs to (home OPD and any Plt/Plh OPD).</param>
    public bool Allows(bool signedIn, IEnumerable<string> roles, IEnumerable<Guid> agencyIds)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(agencyIds);
        if (IsPublic)
        {
            return true;
        }

        if (!signedIn)
        {
            return false;
        }

        var roleOk = Roles.Count == 0 || roles.Any(r => Roles.Contains(r, StringComparer.Ordinal));
        var agencyOk = AgencyIds.Count == 0 || agencyIds.Any(AgencyIds.Contains);
        return roleOk && agencyOk;
    }
}
