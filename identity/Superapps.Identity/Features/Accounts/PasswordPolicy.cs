using Microsoft.AspNetCore.Identity;
using Superapps.Identity.Data;

namespace Superapps.Identity.Features.Accounts;

/// <summary>
/// Passwords after OWASP ASVS level 2 (V2.1): at least 12 characters, up to 128, passphrases and
/// any characters welcome, no composition rules and no forced rotation; rejected when on a list of
/// common passwords or when built from the user's own NIP, name or e-mail.
/// </summary>
internal sealed class PasswordPolicy : IPasswordValidator<ApplicationUser>
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    public static void Configure(PasswordOptions options)
    {
        options.RequiredLength = MinimumLength;
        options.RequireDigit = false;
        options.RequireLowercase = false;
        options.RequireUppercase = false;
        options.RequireNonAlphanumeric = false;
        options.RequiredUniqueChars = 4;
    }

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        password ??= string.Empty;
        var errors = new List<IdentityError>();
        if (password.Length > MaximumLength)
        {
            errors.Add(new IdentityError { Code = "PasswordTooLong", Description = $"Kata sandi paling banyak {MaximumLength} karakter. / A password has at most {MaximumLength} characters." });
        }

        var normalized = password.Trim().ToLowerInvariant();
        if (Common.Value.Contains(normalized) || Common.Value.Contains(TrimDigits(normalized)))
        {
            errors.Add(new IdentityError { Code = "PasswordCommon", Description = "Kata sandi ini terlalu umum dan mudah ditebak. / This password is too common and easy to guess." });
        }

        var personal = new[] { user.UserName, user.Email?.Split('@')[0], user.DisplayName }
            .Where(v => !string.IsNullOrWhiteSpace(v) && v.Length >= 4)
            .Select(v => v!.ToLowerInvariant().Replace(" ", string.Empty, StringComparison.Ordinal));
        if (personal.Any(v => normalized.Replace(" ", string.Empty, StringComparison.Ordinal).Contains(v, StringComparison.Ordinal)))
        {
            errors.Add(new IdentityError { Code = "PasswordPersonal", Description = "Kata sandi tidak boleh memuat NIP, nama atau alamat e-mail Anda. / A password cannot contain your NIP, name or e-mail address." });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    private static string TrimDigits(string value) => value.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '!', '.');

    private static HashSet<string> LoadCommon()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("Superapps.Identity.Features.Accounts.common-passwords.txt")!;
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }

        return set;
    }
}

/// <summary>Identity's messages in Indonesian and English.</summary>
internal sealed class BilingualIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new()
    {
        Code = nameof(PasswordTooShort),
        Description = $"Kata sandi minimal {length} karakter; frasa beberapa kata dianjurkan. / A password needs at least {length} characters; a passphrase of several words is recommended.",
    };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new()
    {
        Code = nameof(PasswordRequiresUniqueChars),
        Description = $"Kata sandi harus memuat paling sedikit {uniqueChars} karakter berbeda. / A password needs at least {uniqueChars} different characters.",
    };

    public override IdentityError DuplicateUserName(string userName) => new()
    {
        Code = nameof(DuplicateUserName),
        Description = $"Nama pengguna {userName} sudah dipakai. / The user name {userName} is already taken.",
    };

    public override IdentityError DuplicateEmail(string email) => new()
    {
        Code = nameof(DuplicateEmail),
        Description = $"E-mail {email} sudah dipakai. / The e-mail {email} is already taken.",
    };

    public override IdentityError PasswordMismatch() => new()
    {
        Code = nameof(PasswordMismatch),
        Description = "Kata sandi salah. / Incorrect password.",
    };
}

/// <summary>Which users must enrol in TOTP MFA before they receive tokens: members of roles that require it.</summary>
internal sealed class MfaPolicy(UserManager<ApplicationUser> users, IdentityDbContext db)
{
    public async Task<bool> MustEnrolAsync(ApplicationUser user)
    {
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return false;
        }

        var roles = await users.GetRolesAsync(user);
        return roles.Count > 0 && db.RolePolicies.Any(p => p.RequireMfa && roles.Contains(p.RoleName));
    }
}
