using System.Net;

namespace BeMore.Web.Features.Auth;

/// <summary>The dashboard's sign-in page: one form, nothing but same-origin posts (the HTML pages' CSP allows this much).</summary>
internal static class SignInPage
{
    public static string Render(string? message) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>BeMore operators: sign in</title>
        <style>
        body { font-family: system-ui, sans-serif; max-width: 22rem; margin: 4rem auto; padding: 0 1rem; color: #1f2933; }
        label { display: block; margin-top: 1rem; }
        input { width: 100%; box-sizing: border-box; padding: .5rem; font-size: 1rem; }
        button { margin-top: 1.25rem; padding: .5rem 1rem; font-size: 1rem; }
        .message { margin-top: 1rem; padding: .5rem .75rem; background: #fdecea; color: #8a1c1c; }
        .signout { margin-top: 2rem; }
        .signout button { font-size: .85rem; padding: .25rem .5rem; }
        </style>
        </head>
        <body>
        <main>
        <h1>Orleans dashboard</h1>
        <p>Operators only. Sign in with your BeMore account.</p>
        {{(message is null ? "" : $"<p class=\"message\" role=\"alert\" id=\"message\">{WebUtility.HtmlEncode(message)}</p>")}}
        <form method="post" action="/dashboard/signin">
        <label for="email">Email</label>
        <input id="email" name="email" type="email" autocomplete="username" required>
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required>
        <button type="submit" id="sign-in">Sign in</button>
        </form>
        <form class="signout" method="post" action="/dashboard/signout">
        <button type="submit" id="sign-out">Sign out of the dashboard</button>
        </form>
        </main>
        </body>
        </html>
        """;
}
