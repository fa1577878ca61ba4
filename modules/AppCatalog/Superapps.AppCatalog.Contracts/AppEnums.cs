namespace Superapps.AppCatalog.Contracts;

/// <summary>Where an application stands on its way into the portal.</summary>
public enum AppStatus
{
    /// <summary>Running as it is, reached by its own URL.</summary>
    Active = 0,

    /// <summary>Decided to be brought into the portal; not done yet.</summary>
    ToIntegrate = 1,

    /// <summary>Published under the portal (/apps/{slug}/) behind single sign-on.</summary>
    Proxied = 2,

    /// <summary>Its data is brought into a portal module by an adapter.</summary>
    Adapted = 3,

    /// <summary>Still running, with a retirement date; users are told where to go.</summary>
    Retiring = 4,

    /// <summary>Switched off: its old URLs redirect to what replaced it.</summary>
    Retired = 5,
}

/// <summary>Gartner's TIME model: what the city decided to do with an application.</summary>
public enum TimeDecision
{
    /// <summary>Keep it as it is: it works and costs little.</summary>
    Tolerate = 0,

    /// <summary>Keep and improve it: it matters and fits.</summary>
    Invest = 1,

    /// <summary>Move what it does into the portal (proxy, adapter, or a module).</summary>
    Migrate = 2,

    /// <summary>Switch it off.</summary>
    Eliminate = 3,
}

/// <summary>How the proxy tells a legacy app who the user is.</summary>
public enum IdentityMode
{
    /// <summary>Nothing is sent: a public app.</summary>
    None = 0,

    /// <summary>A short-lived signed assertion header plus plain user and NIP headers.</summary>
    SignedHeaders = 1,

    /// <summary>The app is an OIDC client of the identity server and signs the user in itself, without a second password.</summary>
    Oidc = 2,
}
