using System.Security.Cryptography;
using JobsPortal.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace JobsPortal.Infrastructure.Security;

/// <summary>
/// The answer to a sign-in for an account that does not exist. Checking a password against its hash
/// is deliberately slow (tens of milliseconds); answering an unknown name at once would let anyone
/// tell which emails have accounts by timing the answers. So the password is checked against a hash
/// of a random password made by the same hasher, with the same work, and the attempt fails.
/// </summary>
public static class UnknownAccountSignIn
{
    private static readonly ApplicationUser Nobody = new();
    private static string? _dummyHash;

    public static SignInResult FailUnknownAccount(this SignInManager<ApplicationUser> signIn, string password)
    {
        var hasher = signIn.UserManager.PasswordHasher;
        // Made once; the hash carries its own work factor, the same as every account's hash.
        var hash = _dummyHash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
        hasher.VerifyHashedPassword(Nobody, hash, password);
        return SignInResult.Failed;
    }
}
