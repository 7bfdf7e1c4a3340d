namespace BillCenter.Modules.Users.Contracts;

/// <summary>Claims a signed-in principal carries about its session.</summary>
public static class SessionClaims
{
    /// <summary>The public id of the request's session (never the cookie's key).</summary>
    public const string SessionId = "bc:session";
}
