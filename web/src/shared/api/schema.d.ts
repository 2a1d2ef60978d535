// Generated from /api/openapi.json by scripts/generate-api-types.ts. Do not edit.

export interface paths {
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 登录 Log in
         * @description Failed attempts are limited per account (the email tried, known or not) and per client IP. After a few failures each further attempt must wait a growing delay, and after more the account or IP is locked for a while: both answer 429 with `Retry-After` (seconds) and a problem `auth.sign_in_delayed` / `auth.sign_in_locked`; the password is not checked then. Every attempt is written to the sign-in audit log.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Me"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退出登录 Log out */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 当前用户 Current user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Me"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改个人资料 Update profile */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** @enum {string} */
                        locale?: "zh-CN" | "en";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Me"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 修改密码（结束其他会话，可选撤销 API 令牌）Change password (ends other sessions, optionally revokes API tokens)
         * @description Ends every other session of the caller and keeps the session making the request; called with an API token, it ends all of them. With `revokeApiTokens: true` every API token of the caller is revoked for good as well (including the one making the request); without it, tokens stay valid.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                        revokeApiTokens?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的 API 令牌 My API tokens */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ApiToken"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** 创建 API 令牌（仅显示一次）Create an API token (shown once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** Format: date-time */
                        expiresAt?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            prefix: string;
                            /** Format: date-time */
                            createdAt: string;
                            expiresAt: string | null;
                            revokedAt: string | null;
                            lastUsedAt: string | null;
                            token: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 撤销 API 令牌 Revoke an API token */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 用户列表 List users */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    role?: "admin" | "supervisor" | "agent" | "field_engineer";
                    active?: "true" | "false";
                    teamId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["User"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** 创建用户 Create a user */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        name: string;
                        password: string;
                        /** @enum {string} */
                        role: "admin" | "supervisor" | "agent" | "field_engineer";
                        /** @enum {string} */
                        locale?: "zh-CN" | "en";
                        teamIds?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 用户详情 Get a user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改用户（角色、停用、重置密码）Update a user */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email?: string;
                        name?: string;
                        password?: string;
                        /** @enum {string} */
                        role?: "admin" | "supervisor" | "agent" | "field_engineer";
                        /** @enum {string} */
                        locale?: "zh-CN" | "en";
                        active?: boolean;
                        teamIds?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 团队列表 List teams */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Team"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** 创建团队 Create a team */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        description?: string;
                        memberIds?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Team"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/teams/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 团队详情 Get a team */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Team"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** 删除团队 Delete a team */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** 修改团队及成员 Update a team */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        description?: string;
                        memberIds?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Team"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/admin/sign-in-audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 登录审计日志 Sign-in audit log
         * @description Every console sign-in attempt, newest first: the email tried, the user it belongs to (if any), IP, user agent, outcome (`success`, `failure`, `refused` by the limits) and reason. Page with `cursor` (the `nextCursor` of the previous page).
         */
        get: {
            parameters: {
                query?: {
                    userId?: string;
                    email?: string;
                    outcome?: "success" | "failure" | "refused";
                    from?: string;
                    to?: string;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["SignInAuditEntry"][];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/sign-in-locks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 被锁定的账号和 IP Locked accounts and IPs */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["SignInLock"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/sign-in-locks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 解除锁定 Unlock an account or IP */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 联系人列表与搜索 List and search contacts
         * @description `q` matches part of the name (e.g. 张 or 三), a phone number written any way (`138 0013 8000`, `+86-138…`, or a few digits of it), the start of an email address, or a platform id. With `q` and no cursor or other filter, the best matches come first (exact phone or email, then names starting with `q`); otherwise the list is keyset-paged by `sort`. A contact's tickets: `GET /api/v1/tickets?requesterId=<id>`. `fields.<key>=a,b` keeps contacts whose filterable select (multi select, cascader: any level) holds one of the values; another field, or one the caller may not read, is a 400 at `fields.<key>`.
         */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    tierKey?: string;
                    tag?: string;
                    ownerId?: string;
                    sort?: "name" | "-updatedAt";
                    cursor?: string;
                    limit?: number;
                    organizationId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ContactSummary"][];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * 创建联系人 Create a contact
         * @description An identity that belongs to someone else answers 409 `contact.identity_taken` naming the owner (`contactId`), so the client can offer to merge. `fields`: custom field values by key (the registry: `GET /api/v1/contact-fields` or `/organisation-fields`) in the form engine's stored forms (money `"1280.50"`, phones E.164, selects by option value, cascaders as the path); on update only the keys sent change, `null` clears one. A bad value, an unknown key, an archived field or one the caller's role may not write answers 400 with an error at `fields.<key>`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        organizationId?: string | null;
                        identities?: {
                            /** @enum {string} */
                            kind: "email" | "phone" | "wechat_openid" | "wechat_unionid" | "wecom_external_userid" | "dingtalk_userid";
                            value: string;
                        }[];
                        tierKey?: string | null;
                        tags?: string[];
                        ownerId?: string | null;
                        notes?: string;
                        attributes?: {
                            [key: string]: unknown;
                        };
                        fields?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contact"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 按身份查找联系人 Look up a contact by identity
         * @description Exactly one of `phone` (any format), `email`, or `kind` + `value` (e.g. `kind=wechat_openid&value=o6_bm…`). 404 when nobody has it. A merged contact answers as its survivor.
         */
        get: {
            parameters: {
                query?: {
                    phone?: string;
                    email?: string;
                    kind?: "email" | "phone" | "wechat_openid" | "wechat_unionid" | "wecom_external_userid" | "dingtalk_userid";
                    value?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ContactSummary"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 联系人详情 Get a contact (308 to the survivor when merged) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contact"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * 删除联系人 Delete a contact without tickets
         * @description A contact with tickets is refused (409 `contact.has_tickets`): anonymise it instead (`POST /contacts/{id}/anonymize`), which keeps ticket statistics.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * 修改联系人 Update a contact
         * @description Send `If-Match: "<version>"` to refuse (412) a change made on stale data. `fields`: custom field values by key (the registry: `GET /api/v1/contact-fields` or `/organisation-fields`) in the form engine's stored forms (money `"1280.50"`, phones E.164, selects by option value, cascaders as the path); on update only the keys sent change, `null` clears one. A bad value, an unknown key, an archived field or one the caller's role may not write answers 400 with an error at `fields.<key>`.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        organizationId?: string | null;
                        tierKey?: string | null;
                        tags?: string[];
                        ownerId?: string | null;
                        notes?: string;
                        attributes?: {
                            [key: string]: unknown;
                        };
                        fields?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contact"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/contacts/{id}/identities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 添加联系方式 Add an identity */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "email" | "phone" | "wechat_openid" | "wechat_unionid" | "wecom_external_userid" | "dingtalk_userid";
                        value: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contact"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/identities/{identityId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 删除联系方式 Remove an identity */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    identityId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contact"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 疑似重复的联系人 Likely duplicates
         * @description Reasons: `same_phone` (same number, other extension), `same_email` (same mailbox: case, +tag, Gmail dots), `similar_name` (same organisation).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                contact: components["schemas"]["ContactSummary"];
                                reasons: ("same_phone" | "same_email" | "similar_name")[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 合并联系人 Merge a contact into another
         * @description `sourceId` is merged into `targetId` (the survivor): identities, external records and tickets move; `GET /contacts/{sourceId}` then answers 308 to the survivor. Recorded in both contacts' history. The survivor keeps its custom field values and takes the merged one's where it has none (`fieldsTaken` lists their keys).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        sourceId: string;
                        /** Format: uuid */
                        targetId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            survivor: components["schemas"]["Contact"];
                            moved: {
                                identities: number;
                                records: number;
                                contacts: number;
                            };
                            fieldsTaken: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 变更记录 Audit trail of a contact */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CustomerHistoryEntry"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/anonymize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 匿名化联系人（个人信息删除）Anonymise a contact (PIPL erasure)
         * @description Erases name, identities, notes, tags and attributes, the payloads of its past events, and (through the tickets module) the customer's own words in ticket descriptions and messages. Ticket counts, times and categories stay for statistics. Irreversible.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contact"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 企业客户列表 List organisations
         * @description `q` matches part of the name. Keyset-paged by `sort` (`-updatedAt` or `name`): pass `nextCursor` back as `cursor`.
         */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    tierKey?: string;
                    tag?: string;
                    ownerId?: string;
                    sort?: "name" | "-updatedAt";
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Organization"][];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * 创建企业客户 Create an organisation
         * @description `fields`: custom field values by key (the registry: `GET /api/v1/contact-fields` or `/organisation-fields`) in the form engine's stored forms (money `"1280.50"`, phones E.164, selects by option value, cascaders as the path); on update only the keys sent change, `null` clears one. A bad value, an unknown key, an archived field or one the caller's role may not write answers 400 with an error at `fields.<key>`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        tierKey?: string | null;
                        tags?: string[];
                        ownerId?: string | null;
                        notes?: string;
                        attributes?: {
                            [key: string]: unknown;
                        };
                        fields?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Organization"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 企业客户详情 Get an organisation (308 to the survivor when merged) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Organization"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** 删除企业客户 Delete an organisation without contacts or records (409 otherwise) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * 修改企业客户 Update an organisation
         * @description Send `If-Match: "<version>"` to refuse (412) a change made on stale data. `fields`: custom field values by key (the registry: `GET /api/v1/contact-fields` or `/organisation-fields`) in the form engine's stored forms (money `"1280.50"`, phones E.164, selects by option value, cascaders as the path); on update only the keys sent change, `null` clears one. A bad value, an unknown key, an archived field or one the caller's role may not write answers 400 with an error at `fields.<key>`.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        tierKey?: string | null;
                        tags?: string[];
                        ownerId?: string | null;
                        notes?: string;
                        attributes?: {
                            [key: string]: unknown;
                        };
                        fields?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Organization"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/organizations/{id}/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 疑似重复的企业 Likely duplicates (same name without legal form) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 合并企业客户 Merge an organisation into another
         * @description `sourceId` is merged into `targetId`: its contacts and records move; `GET /organizations/{sourceId}` then answers 308 to the survivor. The survivor keeps its custom field values and takes the merged one's where it has none (`fieldsTaken` lists their keys).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        sourceId: string;
                        /** Format: uuid */
                        targetId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            survivor: components["schemas"]["Organization"];
                            moved: {
                                identities: number;
                                records: number;
                                contacts: number;
                            };
                            fieldsTaken: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 变更记录 Audit trail of an organisation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CustomerHistoryEntry"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customer-records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 业务记录列表 Records of an organisation or contact */
        get: {
            parameters: {
                query?: {
                    organizationId?: string;
                    contactId?: string;
                    type?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CustomerRecord"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customer-records/{type}/{externalId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 业务记录 A record */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    type: string;
                    externalId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CustomerRecord"];
                    };
                };
            };
        };
        /**
         * 写入业务记录（按类型和外部编号幂等）Upsert a record by (type, externalId)
         * @description Types the console labels: `order` (订单), `contract` (合同), `device` (设备), `invoice` (发票); other lower-case types are kept as given. Answers 201 when created, 200 when replaced or unchanged, so an ERP sync can run repeatedly. Dates are `YYYY-MM-DD`: `occurredOn` (order, signing, installation) and `expiresOn` (warranty or contract end).
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    type: string;
                    externalId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        organizationId?: string | null;
                        contactId?: string | null;
                        title: string;
                        status?: string | null;
                        occurredOn?: string | null;
                        expiresOn?: string | null;
                        payload?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CustomerRecord"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CustomerRecord"];
                    };
                };
            };
        };
        post?: never;
        /** 删除业务记录 Delete a record */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    type: string;
                    externalId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customer-tiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 客户等级 Customer tiers (most important first) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CustomerTier"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** 创建客户等级 Create a tier */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        nameZh: string;
                        nameEn: string;
                        rank: number;
                        color?: string;
                        active?: boolean;
                        key: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CustomerTier"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customer-tiers/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 删除客户等级 Delete an unused tier */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** 修改客户等级 Update a tier */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        nameZh?: string;
                        nameEn?: string;
                        rank?: number;
                        color?: string;
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CustomerTier"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/field-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 字段类型 Field types
         * @description Every type a custom field can have, with its labels, the condition operators its values take and what the registry allows (options, filter, search). Modules may add types; the designer offers all of them.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["FieldType"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ticket-fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 字段列表 List 工单字段 ticket fields
         * @description Built-in fields (`builtIn: true`: subject, status, priority …) first, then custom fields in their order, archived ones included. Each lists the condition operators it takes.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Field"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * 新建字段 Create one of the 工单字段 ticket fields
         * @description At least `{key, label: {zh-CN, en}, type}`; `options` for select, multiselect and cascader (or `settings.optionSource: "china-regions"`). Answers 201 with the field; every malformed property is a 400 naming its path.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        key: string;
                        label: {
                            "zh-CN": string;
                            /** @default  */
                            en?: string;
                        };
                        help?: {
                            "zh-CN"?: string;
                            /** @default  */
                            en?: string;
                        };
                        /** @description A registered field type (`GET /api/v1/field-types`): text, select, cascader … or one a module added. */
                        type: string;
                        /** @description Options `{value, label: {zh-CN, en}, deleted?, children?}`. */
                        options?: {
                            [key: string]: unknown;
                        }[];
                        /** @default {} */
                        settings?: {
                            min?: number;
                            max?: number;
                            maxLength?: number;
                            decimals?: number;
                            /** @enum {string} */
                            optionSource?: "china-regions";
                            levels?: number;
                            recordKind?: string;
                            scale?: number;
                        };
                        /** @default false */
                        filterable?: boolean;
                        /** @default false */
                        searchable?: boolean;
                        /** @default false */
                        customerVisible?: boolean;
                        /** @default [] */
                        readRoles?: string[];
                        /** @default [] */
                        writeRoles?: string[];
                        position?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Field"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ticket-fields/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 字段详情 Get one of the 工单字段 ticket fields */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Field"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * 删除或归档字段 Delete or archive one of the 工单字段 ticket fields
         * @description Deletes a field no record holds a value of (204). While values exist (or a published form places it) the answer is 409 with the count; `?archive=true` confirms archiving instead (200 with the field): values are kept and shown, no new ones are taken.
         */
        delete: {
            parameters: {
                query?: {
                    archive?: "true" | "false";
                };
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Field"];
                    };
                };
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * 修改字段 Update one of the 工单字段 ticket fields
         * @description Requires `If-Match: "<version>"`. The key never changes; the type only between `text` and `textarea`. Options left out are kept, marked `deleted` (old values keep their label); relabelling keeps every value.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        label?: {
                            "zh-CN": string;
                            /** @default  */
                            en?: string;
                        };
                        help?: {
                            "zh-CN"?: string;
                            /** @default  */
                            en?: string;
                        } | null;
                        /** @enum {string} */
                        type?: "text" | "textarea" | "number" | "money" | "date" | "datetime" | "select" | "multiselect" | "cascader" | "checkbox" | "user" | "team" | "contact" | "organisation" | "record" | "phone" | "email" | "url" | "attachments" | "rating";
                        /** @description Options `{value, label: {zh-CN, en}, deleted?, children?}`. */
                        options?: {
                            [key: string]: unknown;
                        }[];
                        settings?: {
                            min?: number;
                            max?: number;
                            maxLength?: number;
                            decimals?: number;
                            /** @enum {string} */
                            optionSource?: "china-regions";
                            levels?: number;
                            recordKind?: string;
                            scale?: number;
                        };
                        filterable?: boolean;
                        searchable?: boolean;
                        customerVisible?: boolean;
                        readRoles?: string[];
                        writeRoles?: string[];
                        position?: number;
                        archived?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Field"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/contact-fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 字段列表 List 联系人字段 contact fields
         * @description Custom fields in their order, archived ones included.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Field"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * 新建字段 Create one of the 联系人字段 contact fields
         * @description At least `{key, label: {zh-CN, en}, type}`; `options` for select, multiselect and cascader (or `settings.optionSource: "china-regions"`). Answers 201 with the field; every malformed property is a 400 naming its path.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        key: string;
                        label: {
                            "zh-CN": string;
                            /** @default  */
                            en?: string;
                        };
                        help?: {
                            "zh-CN"?: string;
                            /** @default  */
                            en?: string;
                        };
                        /** @description A registered field type (`GET /api/v1/field-types`): text, select, cascader … or one a module added. */
                        type: string;
                        /** @description Options `{value, label: {zh-CN, en}, deleted?, children?}`. */
                        options?: {
                            [key: string]: unknown;
                        }[];
                        /** @default {} */
                        settings?: {
                            min?: number;
                            max?: number;
                            maxLength?: number;
                            decimals?: number;
                            /** @enum {string} */
                            optionSource?: "china-regions";
                            levels?: number;
                            recordKind?: string;
                            scale?: number;
                        };
                        /** @default false */
                        filterable?: boolean;
                        /** @default false */
                        searchable?: boolean;
                        /** @default false */
                        customerVisible?: boolean;
                        /** @default [] */
                        readRoles?: string[];
                        /** @default [] */
                        writeRoles?: string[];
                        position?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Field"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contact-fields/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 字段详情 Get one of the 联系人字段 contact fields */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Field"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * 删除或归档字段 Delete or archive one of the 联系人字段 contact fields
         * @description Deletes a field no record holds a value of (204). While values exist (or a published form places it) the answer is 409 with the count; `?archive=true` confirms archiving instead (200 with the field): values are kept and shown, no new ones are taken.
         */
        delete: {
            parameters: {
                query?: {
                    archive?: "true" | "false";
                };
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Field"];
                    };
                };
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * 修改字段 Update one of the 联系人字段 contact fields
         * @description Requires `If-Match: "<version>"`. The key never changes; the type only between `text` and `textarea`. Options left out are kept, marked `deleted` (old values keep their label); relabelling keeps every value.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        label?: {
                            "zh-CN": string;
                            /** @default  */
                            en?: string;
                        };
                        help?: {
                            "zh-CN"?: string;
                            /** @default  */
                            en?: string;
                        } | null;
                        /** @enum {string} */
                        type?: "text" | "textarea" | "number" | "money" | "date" | "datetime" | "select" | "multiselect" | "cascader" | "checkbox" | "user" | "team" | "contact" | "organisation" | "record" | "phone" | "email" | "url" | "attachments" | "rating";
                        /** @description Options `{value, label: {zh-CN, en}, deleted?, children?}`. */
                        options?: {
                            [key: string]: unknown;
                        }[];
                        settings?: {
                            min?: number;
                            max?: number;
                            maxLength?: number;
                            decimals?: number;
                            /** @enum {string} */
                            optionSource?: "china-regions";
                            levels?: number;
                            recordKind?: string;
                            scale?: number;
                        };
                        filterable?: boolean;
                        searchable?: boolean;
                        customerVisible?: boolean;
                        readRoles?: string[];
                        writeRoles?: string[];
                        position?: number;
                        archived?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Field"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/organisation-fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 字段列表 List 企业客户字段 organisation fields
         * @description Custom fields in their order, archived ones included.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Field"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * 新建字段 Create one of the 企业客户字段 organisation fields
         * @description At least `{key, label: {zh-CN, en}, type}`; `options` for select, multiselect and cascader (or `settings.optionSource: "china-regions"`). Answers 201 with the field; every malformed property is a 400 naming its path.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        key: string;
                        label: {
                            "zh-CN": string;
                            /** @default  */
                            en?: string;
                        };
                        help?: {
                            "zh-CN"?: string;
                            /** @default  */
                            en?: string;
                        };
                        /** @description A registered field type (`GET /api/v1/field-types`): text, select, cascader … or one a module added. */
                        type: string;
                        /** @description Options `{value, label: {zh-CN, en}, deleted?, children?}`. */
                        options?: {
                            [key: string]: unknown;
                        }[];
                        /** @default {} */
                        settings?: {
                            min?: number;
                            max?: number;
                            maxLength?: number;
                            decimals?: number;
                            /** @enum {string} */
                            optionSource?: "china-regions";
                            levels?: number;
                            recordKind?: string;
                            scale?: number;
                        };
                        /** @default false */
                        filterable?: boolean;
                        /** @default false */
                        searchable?: boolean;
                        /** @default false */
                        customerVisible?: boolean;
                        /** @default [] */
                        readRoles?: string[];
                        /** @default [] */
                        writeRoles?: string[];
                        position?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Field"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisation-fields/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 字段详情 Get one of the 企业客户字段 organisation fields */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Field"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * 删除或归档字段 Delete or archive one of the 企业客户字段 organisation fields
         * @description Deletes a field no record holds a value of (204). While values exist (or a published form places it) the answer is 409 with the count; `?archive=true` confirms archiving instead (200 with the field): values are kept and shown, no new ones are taken.
         */
        delete: {
            parameters: {
                query?: {
                    archive?: "true" | "false";
                };
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Field"];
                    };
                };
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * 修改字段 Update one of the 企业客户字段 organisation fields
         * @description Requires `If-Match: "<version>"`. The key never changes; the type only between `text` and `textarea`. Options left out are kept, marked `deleted` (old values keep their label); relabelling keeps every value.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        label?: {
                            "zh-CN": string;
                            /** @default  */
                            en?: string;
                        };
                        help?: {
                            "zh-CN"?: string;
                            /** @default  */
                            en?: string;
                        } | null;
                        /** @enum {string} */
                        type?: "text" | "textarea" | "number" | "money" | "date" | "datetime" | "select" | "multiselect" | "cascader" | "checkbox" | "user" | "team" | "contact" | "organisation" | "record" | "phone" | "email" | "url" | "attachments" | "rating";
                        /** @description Options `{value, label: {zh-CN, en}, deleted?, children?}`. */
                        options?: {
                            [key: string]: unknown;
                        }[];
                        settings?: {
                            min?: number;
                            max?: number;
                            maxLength?: number;
                            decimals?: number;
                            /** @enum {string} */
                            optionSource?: "china-regions";
                            levels?: number;
                            recordKind?: string;
                            scale?: number;
                        };
                        filterable?: boolean;
                        searchable?: boolean;
                        customerVisible?: boolean;
                        readRoles?: string[];
                        writeRoles?: string[];
                        position?: number;
                        archived?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Field"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/ticket-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 工单类型列表 List ticket types */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["TicketType"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * 新建工单类型 Create a ticket type
         * @description With `form`, version 1 of its form is published at once (checked like POST …/versions). Default team, priority and SLA policy go to new tickets of the type that name none.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        key: string;
                        label: {
                            "zh-CN": string;
                            /** @default  */
                            en?: string;
                        };
                        active?: boolean;
                        position?: number;
                        defaultTeamId?: string | null;
                        defaultPriority?: string | null;
                        slaPolicyId?: string | null;
                        /** @description A form to publish as version 1 at once (see POST …/versions). */
                        form?: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TicketType"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ticket-types/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 工单类型详情 Get a ticket type */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TicketType"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * 修改工单类型 Update a ticket type
         * @description Requires `If-Match: "<version>"`. The form is not changed here: publish a new version.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        label?: {
                            "zh-CN": string;
                            /** @default  */
                            en?: string;
                        };
                        active?: boolean;
                        position?: number;
                        defaultTeamId?: string | null;
                        defaultPriority?: string | null;
                        slaPolicyId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TicketType"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/ticket-types/{key}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 发布表单新版本 Publish a new form version
         * @description The form places existing, non-archived ticket fields; rule conditions are checked over the form's fields and the built-in ones; effects must name fields on the form. Problems answer 400 with paths like `form.rules.0.when.value`. Versions are immutable; tickets keep theirs.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        form: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TicketTypeVersion"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ticket-types/{key}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 表单版本 Get a published form version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TicketTypeVersion"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ticket-types/{key}/form": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 工单类型表单 The form of a ticket type
         * @description The current version's form and the definitions of the fields it places. Strong `ETag`; send `If-None-Match` to get 304 while nothing in the registry changed.
         */
        get: {
            parameters: {
                query?: never;
                header?: {
                    "if-none-match"?: string;
                };
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TicketTypeForm"];
                    };
                };
                /** @description Default Response */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/field-options/china-regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 省/市/区 China's administrative divisions
         * @description The tree cascader fields with `settings.optionSource: "china-regions"` take their values from: `{source, options: [{value: code, label, children}]}`. A value is the path of codes (["44", "4403", "440305"]). Strong `ETag`, 304 on `If-None-Match`.
         */
        get: {
            parameters: {
                query?: never;
                header?: {
                    "if-none-match"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 工单列表与搜索 List and search tickets
         * @description Filters combine with AND; `status` and `priority` take comma-separated values; `assigneeId` takes a user id, `me` or `none` (unassigned); `teamId` takes a team id or `mine` (any of the caller's teams); `requesterId` lists one requester's tickets. `view` (a built-in key or a saved view id) adds that view's filters and, unless `sort` is given, its sort. `q` searches subject, description and messages (Chinese and English) for every word as written (a run of Chinese characters, a number with its unit, a Latin word against Chinese: 40分钟, 用app). A search looks through every ticket the caller may see, open or solved, whatever `view` is given (`scope=all`, the default); `scope=view` keeps the view's filters. The first page of a search carries `search: {scope, total, totalCapped}` (total counted up to 1000). Searches are ordered newest first unless `sort` is given; `sort=relevance` puts subject matches first, then newest. `fields.<key>=a,b` keeps tickets whose filterable custom field holds one of the values (a multi select or cascader: any of them); `sort=fields.<key>` orders by a filterable single-value custom field, equal values most recently updated first; `-fields.<key>` is its exact reverse. Other modules add filters of their own (`stage=<processId>:<stageId>`: tickets waiting at a process stage); a value they refuse is a 400 naming the parameter. `sort`: `-updatedAt` (default), `updatedAt`, `-createdAt`, `createdAt`, `priority` (most urgent first, then recently updated), `-priority`, `number`, `-number`, `slaDueAt` (earliest SLA due time first, tickets without a running SLA target last), `-slaDueAt`, `relevance` (with `q` only). `sla`: `due_soon` (the next running target is due within the hour) or `breached` (a running target is overdue). A `cursor` is valid only with the sort it came from.
         */
        get: {
            parameters: {
                query?: {
                    view?: ("mine" | "unassigned" | "my_teams" | "open" | "due_soon" | "breached" | "solved") | string;
                    status?: string;
                    priority?: string;
                    teamId?: string | "mine";
                    assigneeId?: string | "me" | "none";
                    requesterId?: string;
                    tag?: string;
                    sla?: "due_soon" | "breached";
                    q?: string;
                    scope?: "all" | "view";
                    /** @description A built-in order, or `fields.<key>` / `-fields.<key>` for a filterable single-value custom field. */
                    sort?: "-updatedAt" | "updatedAt" | "-createdAt" | "createdAt" | "priority" | "-priority" | "number" | "-number" | "slaDueAt" | "-slaDueAt" | "relevance";
                    cursor?: string;
                    limit?: number;
                    /** @description `<processId>:<stageId>`: tickets waiting at that stage of a process (any published version). */
                    stage?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Ticket"][];
                            nextCursor: string | null;
                            search: components["schemas"]["TicketSearchSummary"] | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * 创建工单 Create a ticket
         * @description Send an `Idempotency-Key` header to make retries safe: the same key and body return the first ticket (header `Idempotent-Replayed: true`).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        subject: string;
                        /** @default  */
                        description?: string;
                        priority?: string;
                        /** Format: uuid */
                        categoryId?: string;
                        /** Format: uuid */
                        teamId?: string;
                        /** Format: uuid */
                        assigneeId?: string;
                        tags?: string[];
                        requester?: {
                            name?: string;
                            /** Format: email */
                            email?: string;
                            phone?: string;
                            identities?: {
                                /** @enum {string} */
                                kind: "email" | "phone" | "wechat_openid" | "wechat_unionid" | "wecom_external_userid" | "dingtalk_userid";
                                value: string;
                            }[];
                        };
                        /** @description The ticket type's key (GET /ticket-types): its form judges `fields`; its default team and priority apply when none is given. */
                        type?: string;
                        /** @description Custom field values by key; null or "" clears one. Formats per field type: docs/api.md. */
                        fields?: {
                            [key: string]: unknown;
                        };
                        /**
                         * @description Where the request came from (default `api`): a channel installed in this server (GET /ticket-channels).
                         * @enum {string}
                         */
                        channel?: "api" | "web" | "phone" | "email" | "portal" | "wechat" | "wecom" | "dingtalk" | "sms";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ticket"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 批量修改工单 Update many tickets
         * @description Applies `changes` to each ticket in its own transaction, at its current version (no If-Match): one ticket that cannot change does not stop the others. Each result is `{id, ok: true, version}` or `{id, ok: false, problem: {status, code, title}}`; tickets the caller may not see answer 404. `addTags` adds to the existing tags.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ids: string[];
                        changes: {
                            /** @enum {string} */
                            status?: "new" | "open" | "pending" | "resolved" | "closed";
                            assigneeId?: string | null;
                            teamId?: string | null;
                            priority?: string;
                            addTags?: string[];
                            /** @description Custom field values by key; null or "" clears one. Formats per field type: docs/api.md. */
                            fields?: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TicketBulkResults"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 工单详情（id 或编号）Get a ticket by id or number */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ticket"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * 修改工单 Update a ticket
         * @description Requires `If-Match: "<version>"`. A stale version answers 412 and changes nothing. Field engineers may change only `status`.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        subject?: string;
                        description?: string;
                        /** @enum {string} */
                        status?: "new" | "open" | "pending" | "resolved" | "closed";
                        priority?: string;
                        categoryId?: string | null;
                        teamId?: string | null;
                        assigneeId?: string | null;
                        tags?: string[];
                        /** @description Another ticket type (null: none). Every custom value is kept. */
                        type?: string | null;
                        /** @description Custom field values by key; null or "" clears one. Formats per field type: docs/api.md. */
                        fields?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ticket"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/tickets/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 工单时间线 Ticket timeline */
        get: {
            parameters: {
                query?: {
                    after?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["TimelineEntry"][];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ticket-channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 工单渠道 Ticket channels installed
         * @description The platform's own channels, then those of every installed channel module (WeChat …), in that order.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["TicketChannel"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/actor-names": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 系统操作者名称 Names of system actors
         * @description What the ticket timeline names an entry by when no person acted: each id's kind and its name in zh-CN and en ("自动分配（轮询）", "SLA 升级", "规则「VIP 升级」"). Ids that are no system actor (users, deleted rules) are left out.
         */
        get: {
            parameters: {
                query: {
                    ids: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["SystemActorName"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ticket-views": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 工单视图（内置 + 我的）List ticket views
         * @description Built-in views first (`kind: builtin`, `id` = `key`), then the caller's saved views in their `position` order. Use a view with `GET /api/v1/tickets?view=<id>`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["TicketView"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * 保存个人视图 Save a view
         * @description Filters follow the rules of `GET /api/v1/tickets` (arrays instead of comma-separated values). At most 50 per user; names are unique per user.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        filters?: components["schemas"]["TicketViewFiltersInput"];
                        /** @description A built-in order, or `fields.<key>` / `-fields.<key>` for a filterable single-value custom field. */
                        sort?: "-updatedAt" | "updatedAt" | "-createdAt" | "createdAt" | "priority" | "-priority" | "number" | "-number" | "slaDueAt" | "-slaDueAt" | "relevance";
                        /** @description List columns: built-in (`priority`) and custom (`fields.<key>`), in order. */
                        columns?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "saved";
                            name: string;
                            filters: components["schemas"]["TicketViewFilters"];
                            /** @description A built-in order, or `fields.<key>` / `-fields.<key>` for a filterable single-value custom field. */
                            sort: "-updatedAt" | "updatedAt" | "-createdAt" | "createdAt" | "priority" | "-priority" | "number" | "-number" | "slaDueAt" | "-slaDueAt" | "relevance";
                            columns: string[];
                            position: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ticket-views/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 各视图工单数 Ticket count of every view
         * @description Counts only tickets the caller may see. Counting stops at 10000: views listed in `capped` have at least that many.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TicketViewCounts"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ticket-views/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 删除个人视图 Delete a saved view */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** 修改个人视图 Update a saved view */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        filters?: components["schemas"]["TicketViewFiltersInput"];
                        /** @description A built-in order, or `fields.<key>` / `-fields.<key>` for a filterable single-value custom field. */
                        sort?: "-updatedAt" | "updatedAt" | "-createdAt" | "createdAt" | "priority" | "-priority" | "number" | "-number" | "slaDueAt" | "-slaDueAt" | "relevance";
                        /** @description List columns: built-in (`priority`) and custom (`fields.<key>`), in order. */
                        columns?: string[];
                        position?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "saved";
                            name: string;
                            filters: components["schemas"]["TicketViewFilters"];
                            /** @description A built-in order, or `fields.<key>` / `-fields.<key>` for a filterable single-value custom field. */
                            sort: "-updatedAt" | "updatedAt" | "-createdAt" | "createdAt" | "priority" | "-priority" | "number" | "-number" | "slaDueAt" | "-slaDueAt" | "relevance";
                            columns: string[];
                            position: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/tickets/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 导出工单 Export tickets (Excel or CSV)
         * @description The tickets GET /tickets would list for the same `view`, filters, `q` and `sort` (every page, up to OPENCSM_EXPORT_MAX_ROWS), as `format=xlsx` (default) or `csv` (UTF-8 with a byte order mark, so Excel shows Chinese). `columns` picks and orders the columns: built-in ones and custom fields as `fields.<key>` (choices by their labels, 省/市/区 by name); `fields.<key>=a,b` filters like the list. Times are in the installation's time zone. Cells that a spreadsheet would run as a formula are written with a leading apostrophe. The response header `X-Export-Max-Rows` says the limit.
         */
        get: {
            parameters: {
                query?: {
                    view?: ("mine" | "unassigned" | "my_teams" | "open" | "due_soon" | "breached" | "solved") | string;
                    status?: string;
                    priority?: string;
                    teamId?: string | "mine";
                    assigneeId?: string | "me" | "none";
                    requesterId?: string;
                    tag?: string;
                    sla?: "due_soon" | "breached";
                    q?: string;
                    scope?: "all" | "view";
                    /** @description A built-in order, or `fields.<key>` / `-fields.<key>` for a filterable single-value custom field. */
                    sort?: "-updatedAt" | "updatedAt" | "-createdAt" | "createdAt" | "priority" | "-priority" | "number" | "-number" | "slaDueAt" | "-slaDueAt" | "relevance";
                    format?: "csv" | "xlsx";
                    columns?: string;
                    /** @description `<processId>:<stageId>`: tickets waiting at that stage of a process (any published version). */
                    stage?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/reply-plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 回复将通过哪种方式发出 Which way a reply will go
         * @description `preferred`: where the customer expects the answer (the channel they last wrote on, else the ticket's; phone and web-form tickets by email when the requester has an address, else the portal). When it cannot deliver now, `preferredReady` is false, `reason` says why and `via` is the first way that works. `options`: the ways to choose from (pass one as `via` when sending); `phone` means the agent calls and records the answer, nothing is sent. When the preferred way cannot deliver, the ways around it that work now are listed too (`alternative: true`: `wechat_template`, the account's reply template; `sms`, the notice template to the requester's mobile); a reply by one that cannot go is refused with a 400 at `via`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            preferred: "portal" | "phone" | "email" | "wechat" | "wecom" | "dingtalk" | "wechat_template" | "sms";
                            preferredReady: boolean;
                            reason: string | null;
                            /** @enum {string} */
                            via: "portal" | "phone" | "email" | "wechat" | "wecom" | "dingtalk" | "wechat_template" | "sms";
                            options: {
                                /** @enum {string} */
                                channel: "portal" | "phone" | "email" | "wechat" | "wecom" | "dingtalk" | "wechat_template" | "sms";
                                ready: boolean;
                                reason: string | null;
                                to: string | null;
                                window?: {
                                    /** Format: date-time */
                                    endsAt: string;
                                    remainingMessages: number;
                                    sandbox: boolean;
                                    text: string;
                                } | null;
                                alternative?: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 回复或内部备注 Add a reply or an internal note
         * @description A public reply goes the way `GET …/reply-plan` names as `via`, or the way given here as `via`. A reply for a channel that cannot deliver now is stored with `deliveryStatus: failed` and the reason in `deliveryError`, never left queued.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                        internal?: boolean;
                        attachmentIds?: string[];
                        /** @enum {string} */
                        via?: "portal" | "phone" | "email" | "wechat" | "wecom" | "dingtalk" | "wechat_template" | "sms";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Message"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 上传附件（multipart，字段 file）Upload an attachment (multipart field "file")
         * @description Limit 25 MB. The stored type is sniffed from the bytes. Pass the returned id in a message's attachmentIds.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Attachment"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attachments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载附件 Download an attachment */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 工单分类（扁平列表，按 parentId 组成树）Ticket categories (flat; build the tree by parentId) */
        get: {
            parameters: {
                query?: {
                    includeInactive?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Category"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** 创建分类 Create a category */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        nameZh: string;
                        nameEn?: string;
                        parentId?: string | null;
                        position?: number;
                        active?: boolean;
                        defaultTeamId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Category"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/categories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 删除分类（被工单使用时改为停用）Delete a category (deactivated instead when tickets use it) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deleted: boolean;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** 修改或移动分类 Update or move a category */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        nameZh?: string;
                        nameEn?: string;
                        parentId?: string | null;
                        position?: number;
                        active?: boolean;
                        defaultTeamId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Category"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/priorities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 优先级 Priorities */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Priority"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** 创建优先级 Create a priority */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        key: string;
                        nameZh: string;
                        nameEn: string;
                        rank: number;
                        /** @default default */
                        color?: string;
                        /** @default false */
                        isDefault?: boolean;
                        /** @default true */
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Priority"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/priorities/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 删除未使用的优先级 Delete an unused priority */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** 修改优先级 Update a priority */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        nameZh?: string;
                        nameEn?: string;
                        rank?: number;
                        color?: string;
                        isDefault?: boolean;
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Priority"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/tickets/{id}/viewers/{tabId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * 正在查看（心跳）Heartbeat: I am viewing this ticket
         * @description Call every ~10 s while the ticket is open; presence lapses 30 s after the last call. `composing`: the user is typing a reply (omitted = unchanged). Returns the *other* users viewing it.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    tabId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        composing?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            viewers: {
                                /** Format: uuid */
                                userId: string;
                                name: string;
                                composing: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        post?: never;
        /** 离开工单 Stop viewing this ticket */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    tabId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/viewers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 谁在查看此工单 Who else is viewing this ticket */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            viewers: {
                                /** Format: uuid */
                                userId: string;
                                name: string;
                                composing: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/names": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 工单涉及的用户和团队名称 Names of the users and teams a ticket mentions
         * @description For every role that may see the ticket (also field engineers, who cannot read the directory): names only, no emails or roles. 404 for a ticket the caller may not see.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            users: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                            teams: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/customer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 工单客户卡片（只读）Read-only customer card of a ticket's requester
         * @description Contact, organisation, address and devices (external records of type `device`, with warranty) of the requester, for every role that may see the ticket; 404 otherwise or when the ticket has no requester.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contact: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                phone: string | null;
                                email: string | null;
                            };
                            organization: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            address: string | null;
                            devices: {
                                externalId: string;
                                title: string;
                                status: string | null;
                                installedOn: string | null;
                                warrantyUntil: string | null;
                                inWarranty: boolean | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/360": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 客户 360° 视图 Contact 360° view
         * @description Profile and identities, tickets the caller may see (open first, up to 50, with counts), the latest 30 messages across channels (more: `GET /contacts/{id}/messages?before=<nextCursor>`), and the external records of the contact and its organisation. A merged id answers 308 to the survivor's view.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contact: components["schemas"]["Contact"];
                            tickets: {
                                items: components["schemas"]["Ticket"][];
                                counts: {
                                    open: number;
                                    total: number;
                                };
                            };
                            messages: {
                                items: components["schemas"]["CustomerMessage"][];
                                nextCursor: string | null;
                            };
                            records: components["schemas"]["CustomerRecord"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 跨渠道消息时间线 Messages across channels, newest first */
        get: {
            parameters: {
                query?: {
                    before?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CustomerMessage"][];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{id}/360": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 企业客户 360° 视图 Organisation 360° view
         * @description The organisation, its contacts (first 100 by name; page with `GET /contacts?organizationId=`), its contacts' tickets and messages the caller may see, and its records.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            organization: components["schemas"]["Organization"];
                            contacts: {
                                items: components["schemas"]["ContactSummary"][];
                                nextCursor: string | null;
                            };
                            tickets: {
                                items: components["schemas"]["Ticket"][];
                                counts: {
                                    open: number;
                                    total: number;
                                };
                            };
                            messages: {
                                items: components["schemas"]["CustomerMessage"][];
                                nextCursor: string | null;
                            };
                            records: components["schemas"]["CustomerRecord"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 导出个人信息 Export a contact's personal data (JSON)
         * @description For a data-access request under PIPL: profile, identities, records, every ticket they asked with public messages and attachment names, and the audit trail. Internal notes are not included. Served as a download.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/sla": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 工单 SLA 计时器与历史 SLA timers of a ticket
         * @description Every target of the ticket (met ones too) with its business-time clock, the steps fired (`fired`: warning, breach, escalation steps by cycle) and its history. Empty when no SLA policy applies.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["SlaTimer"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sla/calendars": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 工作日历列表 Business calendars (the default first) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["BusinessCalendar"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * 创建工作日历 Create a business calendar
         * @description Validated like every calendar: intervals "HH:MM", sorted and not overlapping; dates YYYY-MM-DD; a day is not both a holiday and a make-up workday. A bad field answers 400 naming it (`errors[].path`, e.g. `weekly.1.1.start`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        nameZh: string;
                        /** @default  */
                        nameEn?: string;
                        /** @default Asia/Shanghai */
                        timeZone?: string;
                        /**
                         * @description Seven days, Sunday first (index 0 = Sunday). Intervals "HH:MM"–"HH:MM", sorted, not overlapping.
                         * @default [
                         *       [],
                         *       [],
                         *       [],
                         *       [],
                         *       [],
                         *       [],
                         *       []
                         *     ]
                         */
                        weekly?: {
                            start: string;
                            end: string;
                        }[][];
                        /**
                         * @description Local dates YYYY-MM-DD without business time.
                         * @default []
                         */
                        holidays?: string[];
                        /**
                         * @description Make-up workdays (调休): local dates that work the make-up day schedule.
                         * @default []
                         */
                        workdays?: string[];
                        /**
                         * @description Hours of make-up workdays; null = the Monday schedule.
                         * @default null
                         */
                        makeUpDaySchedule?: {
                            start: string;
                            end: string;
                        }[] | null;
                        /**
                         * @description 24×7: every minute counts; weekly, holidays and workdays are ignored.
                         * @default false
                         */
                        alwaysOpen?: boolean;
                        /**
                         * @description Make this the default calendar (the previous default stops being one).
                         * @default false
                         */
                        isDefault?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BusinessCalendar"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sla/calendars/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 工作日历 A business calendar
         * @description The `ETag` header carries the version for `If-Match`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BusinessCalendar"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * 删除工作日历 Delete a business calendar
         * @description The default calendar cannot be deleted (409): make another one the default first. An optional `If-Match` guards against deleting a calendar someone just changed.
         */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * 修改工作日历 Update a business calendar
         * @description Requires `If-Match: "<version>"` (428 without it); a stale version answers 412 and changes nothing. Lists replace the stored ones. `isDefault: true` moves the default here.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        nameZh?: string;
                        nameEn?: string;
                        timeZone?: string;
                        weekly?: {
                            start: string;
                            end: string;
                        }[][];
                        holidays?: string[];
                        workdays?: string[];
                        makeUpDaySchedule?: {
                            start: string;
                            end: string;
                        }[] | null;
                        alwaysOpen?: boolean;
                        /** @description `true` makes this the default. The default cannot be turned off directly (409): make another calendar the default instead. */
                        isDefault?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BusinessCalendar"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/sla/calendars/{id}/add-business-time": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 加上工作时间 Add business minutes to an instant
         * @description Counting starts at `from`, or at the next opening when `from` is outside business time. Ending exactly at a closing time answers that closing time.
         */
        get: {
            parameters: {
                query: {
                    from: string;
                    minutes: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dueAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sla/holiday-schedules/china": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 内置的国务院节假日安排 The official China schedules bundled with this build
         * @description One entry per year the bundled data covers, with the names of the days. Years not listed count as plain weekdays until a schedule is imported into a calendar.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            source: string;
                            schedules: components["schemas"]["YearHolidaySchedule"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sla/calendars/{id}/import-schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 导入全年节假日安排 Import a year's holidays and make-up workdays
         * @description Replaces the holidays and make-up workdays (调休) of `year`; other years are kept. Requires `If-Match`. `{"source": "china", "year": 2026}` imports the official State Council schedule bundled with this build (422 for a year it has no data for, e.g. 2027: import a file instead). Otherwise send the file format `{year, source?, holidays: [{date, name}], workdays: [{date, name}]}`; every date must lie in `year`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        year: number;
                        /** @description `china` with no day lists: the bundled official schedule. Otherwise free text (e.g. the notice URL). */
                        source?: string;
                        holidays?: {
                            date: string;
                            name: string;
                        }[];
                        workdays?: {
                            date: string;
                            name: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BusinessCalendar"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sla/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * SLA 策略列表 SLA policies, in the order they are tried
         * @description The first active policy whose conditions all hold applies to a ticket; none: the ticket has no SLA.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["SlaPolicy"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * 创建 SLA 策略 Create an SLA policy
         * @description Priorities, categories, customer tiers, organisations, users and the calendar it names must exist; channels must be installed (GET /ticket-channels). A bad value answers 400 naming it (`errors[].path`, e.g. `conditions.all.0.values.1`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        nameZh: string;
                        /** @default  */
                        nameEn?: string;
                        /** @default true */
                        active?: boolean;
                        /** @description Where to insert (0: tried first); later policies move down. Default: last. */
                        position?: number;
                        conditions?: components["schemas"]["SlaPolicyConditionsInput"];
                        /**
                         * @description Business minutes per priority key. A missing priority or a missing target: no target for it.
                         * @default {}
                         */
                        targets?: {
                            [key: string]: components["schemas"]["SlaPriorityTargetsInput"];
                        };
                        /**
                         * @description The calendar to count business time in; null: the default calendar.
                         * @default null
                         */
                        calendarId?: string | null;
                        /**
                         * @description Ticket statuses that stop the clock, usually `pending` (waiting for the customer, 等待备件).
                         * @default [
                         *       "pending"
                         *     ]
                         */
                        pauseStatuses?: ("new" | "open" | "pending" | "resolved" | "closed")[];
                        /**
                         * @description Warn when this share of a target has elapsed; null: no warning.
                         * @default null
                         */
                        warningPercent?: number | null;
                        /**
                         * @description Steps at and after a breach, each firing once per ticket and target.
                         * @default []
                         */
                        escalation?: components["schemas"]["SlaEscalationStepInput"][];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SlaPolicy"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sla/policies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * SLA 策略 An SLA policy
         * @description The `ETag` header carries the version for `If-Match`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SlaPolicy"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * 删除 SLA 策略 Delete an SLA policy
         * @description The policies after it move up. An optional `If-Match` guards against deleting a policy someone just changed.
         */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * 修改 SLA 策略 Update an SLA policy
         * @description Requires `If-Match: "<version>"` (428 without it); a stale version answers 412 and changes nothing. Fields sent replace the stored ones whole (`targets`, `conditions`, `escalation` included). The order changes only through `/reorder`.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        nameZh?: string;
                        nameEn?: string;
                        active?: boolean;
                        conditions?: components["schemas"]["SlaPolicyConditionsInput"];
                        /** @description Business minutes per priority key. A missing priority or a missing target: no target for it. */
                        targets?: {
                            [key: string]: components["schemas"]["SlaPriorityTargetsInput"];
                        };
                        /** @description The calendar to count business time in; null: the default calendar. */
                        calendarId?: string | null;
                        /** @description Ticket statuses that stop the clock, usually `pending` (waiting for the customer, 等待备件). */
                        pauseStatuses?: ("new" | "open" | "pending" | "resolved" | "closed")[];
                        /** @description Warn when this share of a target has elapsed; null: no warning. */
                        warningPercent?: number | null;
                        /** @description Steps at and after a breach, each firing once per ticket and target. */
                        escalation?: components["schemas"]["SlaEscalationStepInput"][];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SlaPolicy"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/sla/policies/reorder": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 调整 SLA 策略顺序 Reorder the SLA policies
         * @description `ids` must name every policy exactly once (400 otherwise, e.g. when someone added one meanwhile). Answers the list in its new order.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Every policy id exactly once, in the new order. */
                        ids: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["SlaPolicy"][];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sla/condition-fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * SLA 策略可用的条件字段 Fields an SLA policy condition may name
         * @description The ticket's filterable fields from the field registry (built-in, then custom as `fields.<key>`; archived ones left out), its type, and the customer's facts, with the operators a policy may use on each and labelled options.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["SlaConditionField"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 记录通话 Log a phone call on a ticket
         * @description A public message on channel `phone` with `meta.call` (direction, number in E.164, duration, recording link, contactId of the number). The summary is shown to the customer in the portal; keep private remarks in an internal note.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        direction: "inbound" | "outbound";
                        callerNumber: string;
                        durationSeconds: number;
                        /** Format: uri */
                        recordingUrl?: string;
                        /** Format: date-time */
                        startedAt?: string;
                        summary: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            ticketId: string;
                            channel: string;
                            body: string;
                            meta: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/phone/calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * CTI 推送通话记录 A telephony system pushes a call record
         * @description Bearer API token of a user with `channels.phone.ingest` (admins). Idempotent on `callId`: the same call again answers 200 with the first result and writes nothing.
         *
         *     A number with a ticket being worked (new/open/pending) joins the newest one; otherwise a new `phone` ticket. A missed inbound call (`durationSeconds: 0`) makes a ticket tagged `missed_call`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        callId: string;
                        /** @enum {string} */
                        direction: "inbound" | "outbound";
                        callerNumber: string;
                        durationSeconds: number;
                        /** Format: uri */
                        recordingUrl?: string;
                        /** Format: date-time */
                        startedAt?: string;
                        summary?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            ticketId: string;
                            ticketNumber: string;
                            messageId: string | null;
                            createdTicket: boolean;
                            duplicate: boolean;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            ticketId: string;
                            ticketNumber: string;
                            messageId: string | null;
                            createdTicket: boolean;
                            duplicate: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/phone/intake": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 电话报修建单 Phone intake: open a ticket for a caller
         * @description Creates a `phone` ticket whose description is the caller's opening message (author: the requester contact; `meta.enteredBy.userId`: the agent; `meta.call`: the call). `requester.phone` is required and is the call's number. The category's default team applies when no `teamId` is given.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        subject: string;
                        /** @default  */
                        description?: string;
                        priority?: string;
                        /** Format: uuid */
                        categoryId?: string;
                        /** Format: uuid */
                        teamId?: string;
                        /** Format: uuid */
                        assigneeId?: string;
                        tags?: string[];
                        requester?: {
                            name?: string;
                            /** Format: email */
                            email?: string;
                            phone?: string;
                            identities?: {
                                /** @enum {string} */
                                kind: "email" | "phone" | "wechat_openid" | "wechat_unionid" | "wecom_external_userid" | "dingtalk_userid";
                                value: string;
                            }[];
                        };
                        /** @description The ticket type's key (GET /ticket-types): its form judges `fields`; its default team and priority apply when none is given. */
                        type?: string;
                        /** @description Custom field values by key; null or "" clears one. Formats per field type: docs/api.md. */
                        fields?: {
                            [key: string]: unknown;
                        };
                        call?: {
                            /** @enum {string} */
                            direction: "inbound" | "outbound";
                            durationSeconds: number;
                            /** Format: uri */
                            recordingUrl?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ticket"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mailboxes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 邮箱列表 List mailboxes */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Mailbox"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * 添加邮箱 Add a mailbox
         * @description Mail to `address` (via the built-in SMTP listener, or fetched over IMAP) becomes tickets. Passwords are stored encrypted and never returned (`hasPassword`). 409 when the address is already configured.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The address customers write to, e.g. support@acme.cn (lower-cased; no "+"). */
                        address: string;
                        /** @description Display name of outgoing mail, e.g. 某某公司客服中心. */
                        name: string;
                        /** @description New tickets from this mailbox go to this team. */
                        teamId?: string | null;
                        signature?: string;
                        /**
                         * @description Language of the auto-acknowledgement (受理回执). Default zh-CN.
                         * @enum {string}
                         */
                        language?: "zh-CN" | "en";
                        /** @description Send 受理回执 on a new ticket (never to auto-replies, bounces or lists). Default true. */
                        autoAcknowledge?: boolean;
                        active?: boolean;
                        /** @description SMTP server that sends replies from this mailbox. */
                        outbound?: {
                            host: string;
                            port: number;
                            /** @description Implicit TLS (port 465). Default: true on 465, else STARTTLS when offered. */
                            secure?: boolean;
                            user?: string | null;
                            /** @description Stored encrypted; leave out to keep the stored one, null to remove it. Never returned. */
                            pass?: string | null;
                        } | null;
                        /** @description Poll an existing mailbox over IMAP (in addition to, or instead of, the built-in SMTP listener). */
                        imap?: {
                            host: string;
                            port: number;
                            /** @description Implicit TLS (993). Default: true on 993. */
                            secure?: boolean;
                            user: string;
                            /** @description Required when IMAP is first configured; stored encrypted, never returned. */
                            pass?: string | null;
                            /** @description Default INBOX. */
                            folder?: string;
                            /**
                             * @description Mark fetched mail \Seen (default) or move it to `moveTo`.
                             * @enum {string}
                             */
                            afterFetch?: "seen" | "move";
                            moveTo?: string | null;
                            /** @description Default 60. */
                            pollSeconds?: number;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Mailbox"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mailboxes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 邮箱详情 A mailbox */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Mailbox"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** 删除邮箱 Delete a mailbox */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * 修改邮箱 Update a mailbox
         * @description Requires `If-Match: "<version>"` (428 without, 412 when stale). A password left out keeps the stored one; `null` removes it.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The address customers write to, e.g. support@acme.cn (lower-cased; no "+"). */
                        address?: string;
                        /** @description Display name of outgoing mail, e.g. 某某公司客服中心. */
                        name?: string;
                        /** @description New tickets from this mailbox go to this team. */
                        teamId?: string | null;
                        signature?: string;
                        /**
                         * @description Language of the auto-acknowledgement (受理回执). Default zh-CN.
                         * @enum {string}
                         */
                        language?: "zh-CN" | "en";
                        /** @description Send 受理回执 on a new ticket (never to auto-replies, bounces or lists). Default true. */
                        autoAcknowledge?: boolean;
                        active?: boolean;
                        /** @description SMTP server that sends replies from this mailbox. */
                        outbound?: {
                            host: string;
                            port: number;
                            /** @description Implicit TLS (port 465). Default: true on 465, else STARTTLS when offered. */
                            secure?: boolean;
                            user?: string | null;
                            /** @description Stored encrypted; leave out to keep the stored one, null to remove it. Never returned. */
                            pass?: string | null;
                        } | null;
                        /** @description Poll an existing mailbox over IMAP (in addition to, or instead of, the built-in SMTP listener). */
                        imap?: {
                            host: string;
                            port: number;
                            /** @description Implicit TLS (993). Default: true on 993. */
                            secure?: boolean;
                            user: string;
                            /** @description Required when IMAP is first configured; stored encrypted, never returned. */
                            pass?: string | null;
                            /** @description Default INBOX. */
                            folder?: string;
                            /**
                             * @description Mark fetched mail \Seen (default) or move it to `moveTo`.
                             * @enum {string}
                             */
                            afterFetch?: "seen" | "move";
                            moveTo?: string | null;
                            /** @description Default 60. */
                            pollSeconds?: number;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Mailbox"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/email-quarantine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 可疑邮件列表 Quarantined mail
         * @description Newest first. `state` defaults to `pending` (waiting for a decision); `total` counts all of that state.
         */
        get: {
            parameters: {
                query?: {
                    state?: "pending" | "attached" | "new_ticket" | "rejected";
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                reason: "forged_sender" | "unknown_participant" | "failed_authentication" | "unauthenticated";
                                /** @enum {string} */
                                state: "pending" | "attached" | "new_ticket" | "rejected";
                                fromAddress: string | null;
                                subject: string;
                                ticket: {
                                    /** Format: uuid */
                                    id: string;
                                    number: string;
                                    subject: string | null;
                                };
                                /** @enum {string} */
                                verdict: "pass" | "fail" | "none";
                                /** Format: date-time */
                                receivedAt: string;
                                decidedBy: string | null;
                                decidedAt: string | null;
                                resultTicketId: string | null;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/email-quarantine/count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 待处理可疑邮件数 Pending count */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            pending: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/email-quarantine/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 可疑邮件详情 A quarantined mail
         * @description Sanitised preview (text, and HTML made safe), selected headers, the sender authentication results and the ticket it points at.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            reason: "forged_sender" | "unknown_participant" | "failed_authentication" | "unauthenticated";
                            /** @enum {string} */
                            state: "pending" | "attached" | "new_ticket" | "rejected";
                            fromAddress: string | null;
                            subject: string;
                            ticket: {
                                /** Format: uuid */
                                id: string;
                                number: string;
                                subject: string | null;
                            };
                            /** @enum {string} */
                            verdict: "pass" | "fail" | "none";
                            /** Format: date-time */
                            receivedAt: string;
                            decidedBy: string | null;
                            decidedAt: string | null;
                            resultTicketId: string | null;
                            auth: {
                                /** @enum {string} */
                                verdict: "pass" | "fail" | "none";
                                /** @enum {string} */
                                source: "smtp" | "imap" | "none";
                                spf: string;
                                dkim: string;
                                dmarc: string;
                                arc: string;
                                fromDomain: string | null;
                                dmarcPolicy: string | null;
                                reasons: string[];
                            };
                            preview: {
                                text: string;
                                html: string | null;
                                to: string[];
                                cc: string[];
                                attachments: {
                                    filename: string;
                                    contentType: string;
                                    size: number;
                                }[];
                            };
                            headers: {
                                name: string;
                                value: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/email-quarantine/{id}/attach": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 并入所指工单 Attach to the ticket it points at
         * @description Audited (who, when). Only a pending mail can be decided: 409 `email.quarantine.already_decided` when someone else decided first. The raw mail is kept either way.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            reason: "forged_sender" | "unknown_participant" | "failed_authentication" | "unauthenticated";
                            /** @enum {string} */
                            state: "pending" | "attached" | "new_ticket" | "rejected";
                            fromAddress: string | null;
                            subject: string;
                            ticket: {
                                /** Format: uuid */
                                id: string;
                                number: string;
                                subject: string | null;
                            };
                            /** @enum {string} */
                            verdict: "pass" | "fail" | "none";
                            /** Format: date-time */
                            receivedAt: string;
                            decidedBy: string | null;
                            decidedAt: string | null;
                            resultTicketId: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/email-quarantine/{id}/new-ticket": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 转为新工单 Make it a new ticket
         * @description Audited (who, when). Only a pending mail can be decided: 409 `email.quarantine.already_decided` when someone else decided first. The raw mail is kept either way.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            reason: "forged_sender" | "unknown_participant" | "failed_authentication" | "unauthenticated";
                            /** @enum {string} */
                            state: "pending" | "attached" | "new_ticket" | "rejected";
                            fromAddress: string | null;
                            subject: string;
                            ticket: {
                                /** Format: uuid */
                                id: string;
                                number: string;
                                subject: string | null;
                            };
                            /** @enum {string} */
                            verdict: "pass" | "fail" | "none";
                            /** Format: date-time */
                            receivedAt: string;
                            decidedBy: string | null;
                            decidedAt: string | null;
                            resultTicketId: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/email-quarantine/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 拒收 Reject
         * @description Audited (who, when). Only a pending mail can be decided: 409 `email.quarantine.already_decided` when someone else decided first. The raw mail is kept either way.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            reason: "forged_sender" | "unknown_participant" | "failed_authentication" | "unauthenticated";
                            /** @enum {string} */
                            state: "pending" | "attached" | "new_ticket" | "rejected";
                            fromAddress: string | null;
                            subject: string;
                            ticket: {
                                /** Format: uuid */
                                id: string;
                                number: string;
                                subject: string | null;
                            };
                            /** @enum {string} */
                            verdict: "pass" | "fail" | "none";
                            /** Format: date-time */
                            receivedAt: string;
                            decidedBy: string | null;
                            decidedAt: string | null;
                            resultTicketId: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/email-ccs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 工单抄送人 Email CCs of a ticket
         * @description `accepted`: copied on every email reply. `proposed` (建议抄送): people found in To/Cc of customers' mail, never copied until accepted.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accepted: {
                                address: string;
                                name: string;
                                /** @enum {string} */
                                state: "proposed" | "accepted" | "dismissed";
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            proposed: {
                                address: string;
                                name: string;
                                /** @enum {string} */
                                state: "proposed" | "accepted" | "dismissed";
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/email-ccs/{address}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * 接受或忽略抄送人 Accept or dismiss a CC
         * @description `accepted` adds the address (proposed or not) to the replies' Cc; `dismissed` hides a proposal. Repeating a decision changes nothing. Audited as `ticket.email_cc_changed`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    address: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        state: "accepted" | "dismissed";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            address: string;
                            name: string;
                            /** @enum {string} */
                            state: "proposed" | "accepted" | "dismissed";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** 移除抄送人 Remove a CC */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    address: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 渠道列表 Installed channels */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                kind: string;
                                labels: {
                                    "zh-CN": string;
                                    en: string;
                                };
                                identityKinds: string[];
                                secretFields: string[];
                                limits: {
                                    replyWindowHours?: number;
                                    messagesPerWindow?: number;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/{kind}/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 渠道账号列表 Channel accounts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: ({
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "wechat";
                                name: string;
                                enabled: boolean;
                                sandbox: boolean;
                                settings: {
                                    appId?: string;
                                    token?: string;
                                    /** @enum {string} */
                                    mode?: "plain" | "safe";
                                    /** Format: uri */
                                    apiBaseUrl?: string;
                                    replyTemplate?: {
                                        templateId: string;
                                        numberKey: string;
                                        summaryKey: string;
                                        timeKey: string;
                                    } | null;
                                };
                                /** @description Which secret settings are stored (their values are never returned). */
                                secretsSet: string[];
                                /** @description Path the vendor calls back (prefix the public URL). */
                                callbackPath: string;
                                lastMessageAt: string | null;
                                lastError: string | null;
                                lastErrorAt: string | null;
                                version: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            } | {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "wecom";
                                name: string;
                                enabled: boolean;
                                sandbox: boolean;
                                settings: {
                                    corpId?: string;
                                    token?: string;
                                    openKfIds?: string[];
                                    agentId?: number;
                                    /** Format: uri */
                                    apiBaseUrl?: string;
                                };
                                /** @description Which secret settings are stored (their values are never returned). */
                                secretsSet: string[];
                                /** @description Path the vendor calls back (prefix the public URL). */
                                callbackPath: string;
                                lastMessageAt: string | null;
                                lastError: string | null;
                                lastErrorAt: string | null;
                                version: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            } | {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "dingtalk";
                                name: string;
                                enabled: boolean;
                                sandbox: boolean;
                                settings: {
                                    appKey?: string;
                                    robotCode?: string;
                                    agentId?: number;
                                    /** Format: uri */
                                    apiBaseUrl?: string;
                                    /** Format: uri */
                                    oapiBaseUrl?: string;
                                };
                                /** @description Which secret settings are stored (their values are never returned). */
                                secretsSet: string[];
                                /** @description Path the vendor calls back (prefix the public URL). */
                                callbackPath: string;
                                lastMessageAt: string | null;
                                lastError: string | null;
                                lastErrorAt: string | null;
                                version: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            } | {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "sms";
                                name: string;
                                enabled: boolean;
                                sandbox: boolean;
                                settings: ({
                                    /** @enum {string} */
                                    provider: "aliyun";
                                    accessKeyId?: string;
                                    signName?: string;
                                    regionId?: string;
                                    loginTemplateId?: string;
                                    notifyTemplateId?: string;
                                    surveyTemplateId?: string;
                                    /** Format: uri */
                                    apiBaseUrl?: string;
                                    timeoutMs?: number;
                                } | {
                                    /** @enum {string} */
                                    provider: "tencent";
                                    secretId?: string;
                                    smsSdkAppId?: string;
                                    signName?: string;
                                    region?: string;
                                    loginTemplateId?: string;
                                    notifyTemplateId?: string;
                                    surveyTemplateId?: string;
                                    /** Format: uri */
                                    apiBaseUrl?: string;
                                    timeoutMs?: number;
                                }) | Record<string, never>;
                                /** @description Which secret settings are stored (their values are never returned). */
                                secretsSet: string[];
                                /** @description Path the vendor calls back (prefix the public URL). */
                                callbackPath: string;
                                lastMessageAt: string | null;
                                lastError: string | null;
                                lastErrorAt: string | null;
                                version: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            })[];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * 添加渠道账号 Add a channel account
         * @description Settings are checked by the channel (400 at `settings.<field>`); secret fields are stored encrypted and never returned (`secretsSet`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Shown to agents, e.g. 某某公司服务号. */
                        name: string;
                        enabled?: boolean;
                        /** @description 沙箱: replies are recorded locally instead of sent to the vendor. */
                        sandbox?: boolean;
                        /** @description The channel's settings (WeChat: appId, appSecret, token, encodingAesKey, mode, apiBaseUrl). Secret fields are stored encrypted and never returned. */
                        settings: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "wechat";
                            name: string;
                            enabled: boolean;
                            sandbox: boolean;
                            settings: {
                                appId?: string;
                                token?: string;
                                /** @enum {string} */
                                mode?: "plain" | "safe";
                                /** Format: uri */
                                apiBaseUrl?: string;
                                replyTemplate?: {
                                    templateId: string;
                                    numberKey: string;
                                    summaryKey: string;
                                    timeKey: string;
                                } | null;
                            };
                            /** @description Which secret settings are stored (their values are never returned). */
                            secretsSet: string[];
                            /** @description Path the vendor calls back (prefix the public URL). */
                            callbackPath: string;
                            lastMessageAt: string | null;
                            lastError: string | null;
                            lastErrorAt: string | null;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        } | {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "wecom";
                            name: string;
                            enabled: boolean;
                            sandbox: boolean;
                            settings: {
                                corpId?: string;
                                token?: string;
                                openKfIds?: string[];
                                agentId?: number;
                                /** Format: uri */
                                apiBaseUrl?: string;
                            };
                            /** @description Which secret settings are stored (their values are never returned). */
                            secretsSet: string[];
                            /** @description Path the vendor calls back (prefix the public URL). */
                            callbackPath: string;
                            lastMessageAt: string | null;
                            lastError: string | null;
                            lastErrorAt: string | null;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        } | {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "dingtalk";
                            name: string;
                            enabled: boolean;
                            sandbox: boolean;
                            settings: {
                                appKey?: string;
                                robotCode?: string;
                                agentId?: number;
                                /** Format: uri */
                                apiBaseUrl?: string;
                                /** Format: uri */
                                oapiBaseUrl?: string;
                            };
                            /** @description Which secret settings are stored (their values are never returned). */
                            secretsSet: string[];
                            /** @description Path the vendor calls back (prefix the public URL). */
                            callbackPath: string;
                            lastMessageAt: string | null;
                            lastError: string | null;
                            lastErrorAt: string | null;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        } | {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "sms";
                            name: string;
                            enabled: boolean;
                            sandbox: boolean;
                            settings: ({
                                /** @enum {string} */
                                provider: "aliyun";
                                accessKeyId?: string;
                                signName?: string;
                                regionId?: string;
                                loginTemplateId?: string;
                                notifyTemplateId?: string;
                                surveyTemplateId?: string;
                                /** Format: uri */
                                apiBaseUrl?: string;
                                timeoutMs?: number;
                            } | {
                                /** @enum {string} */
                                provider: "tencent";
                                secretId?: string;
                                smsSdkAppId?: string;
                                signName?: string;
                                region?: string;
                                loginTemplateId?: string;
                                notifyTemplateId?: string;
                                surveyTemplateId?: string;
                                /** Format: uri */
                                apiBaseUrl?: string;
                                timeoutMs?: number;
                            }) | Record<string, never>;
                            /** @description Which secret settings are stored (their values are never returned). */
                            secretsSet: string[];
                            /** @description Path the vendor calls back (prefix the public URL). */
                            callbackPath: string;
                            lastMessageAt: string | null;
                            lastError: string | null;
                            lastErrorAt: string | null;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/{kind}/accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 渠道账号详情 A channel account */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "wechat";
                            name: string;
                            enabled: boolean;
                            sandbox: boolean;
                            settings: {
                                appId?: string;
                                token?: string;
                                /** @enum {string} */
                                mode?: "plain" | "safe";
                                /** Format: uri */
                                apiBaseUrl?: string;
                                replyTemplate?: {
                                    templateId: string;
                                    numberKey: string;
                                    summaryKey: string;
                                    timeKey: string;
                                } | null;
                            };
                            /** @description Which secret settings are stored (their values are never returned). */
                            secretsSet: string[];
                            /** @description Path the vendor calls back (prefix the public URL). */
                            callbackPath: string;
                            lastMessageAt: string | null;
                            lastError: string | null;
                            lastErrorAt: string | null;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        } | {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "wecom";
                            name: string;
                            enabled: boolean;
                            sandbox: boolean;
                            settings: {
                                corpId?: string;
                                token?: string;
                                openKfIds?: string[];
                                agentId?: number;
                                /** Format: uri */
                                apiBaseUrl?: string;
                            };
                            /** @description Which secret settings are stored (their values are never returned). */
                            secretsSet: string[];
                            /** @description Path the vendor calls back (prefix the public URL). */
                            callbackPath: string;
                            lastMessageAt: string | null;
                            lastError: string | null;
                            lastErrorAt: string | null;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        } | {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "dingtalk";
                            name: string;
                            enabled: boolean;
                            sandbox: boolean;
                            settings: {
                                appKey?: string;
                                robotCode?: string;
                                agentId?: number;
                                /** Format: uri */
                                apiBaseUrl?: string;
                                /** Format: uri */
                                oapiBaseUrl?: string;
                            };
                            /** @description Which secret settings are stored (their values are never returned). */
                            secretsSet: string[];
                            /** @description Path the vendor calls back (prefix the public URL). */
                            callbackPath: string;
                            lastMessageAt: string | null;
                            lastError: string | null;
                            lastErrorAt: string | null;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        } | {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "sms";
                            name: string;
                            enabled: boolean;
                            sandbox: boolean;
                            settings: ({
                                /** @enum {string} */
                                provider: "aliyun";
                                accessKeyId?: string;
                                signName?: string;
                                regionId?: string;
                                loginTemplateId?: string;
                                notifyTemplateId?: string;
                                surveyTemplateId?: string;
                                /** Format: uri */
                                apiBaseUrl?: string;
                                timeoutMs?: number;
                            } | {
                                /** @enum {string} */
                                provider: "tencent";
                                secretId?: string;
                                smsSdkAppId?: string;
                                signName?: string;
                                region?: string;
                                loginTemplateId?: string;
                                notifyTemplateId?: string;
                                surveyTemplateId?: string;
                                /** Format: uri */
                                apiBaseUrl?: string;
                                timeoutMs?: number;
                            }) | Record<string, never>;
                            /** @description Which secret settings are stored (their values are never returned). */
                            secretsSet: string[];
                            /** @description Path the vendor calls back (prefix the public URL). */
                            callbackPath: string;
                            lastMessageAt: string | null;
                            lastError: string | null;
                            lastErrorAt: string | null;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * 停用渠道账号 Disable a channel account
         * @description The account is disabled (its callbacks are refused); its tickets and messages stay.
         */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    kind: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * 修改渠道账号 Update a channel account
         * @description Requires `If-Match: "<version>"` (428 without, 412 when stale). A secret left out keeps the stored one.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    kind: string;
                    id: string;
                };
                cookie?: never;
            };
            /** @description A secret left out (or empty) keeps the stored one. */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Shown to agents, e.g. 某某公司服务号. */
                        name?: string;
                        enabled?: boolean;
                        /** @description 沙箱: replies are recorded locally instead of sent to the vendor. */
                        sandbox?: boolean;
                        /** @description The channel's settings (WeChat: appId, appSecret, token, encodingAesKey, mode, apiBaseUrl). Secret fields are stored encrypted and never returned. */
                        settings?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "wechat";
                            name: string;
                            enabled: boolean;
                            sandbox: boolean;
                            settings: {
                                appId?: string;
                                token?: string;
                                /** @enum {string} */
                                mode?: "plain" | "safe";
                                /** Format: uri */
                                apiBaseUrl?: string;
                                replyTemplate?: {
                                    templateId: string;
                                    numberKey: string;
                                    summaryKey: string;
                                    timeKey: string;
                                } | null;
                            };
                            /** @description Which secret settings are stored (their values are never returned). */
                            secretsSet: string[];
                            /** @description Path the vendor calls back (prefix the public URL). */
                            callbackPath: string;
                            lastMessageAt: string | null;
                            lastError: string | null;
                            lastErrorAt: string | null;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        } | {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "wecom";
                            name: string;
                            enabled: boolean;
                            sandbox: boolean;
                            settings: {
                                corpId?: string;
                                token?: string;
                                openKfIds?: string[];
                                agentId?: number;
                                /** Format: uri */
                                apiBaseUrl?: string;
                            };
                            /** @description Which secret settings are stored (their values are never returned). */
                            secretsSet: string[];
                            /** @description Path the vendor calls back (prefix the public URL). */
                            callbackPath: string;
                            lastMessageAt: string | null;
                            lastError: string | null;
                            lastErrorAt: string | null;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        } | {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "dingtalk";
                            name: string;
                            enabled: boolean;
                            sandbox: boolean;
                            settings: {
                                appKey?: string;
                                robotCode?: string;
                                agentId?: number;
                                /** Format: uri */
                                apiBaseUrl?: string;
                                /** Format: uri */
                                oapiBaseUrl?: string;
                            };
                            /** @description Which secret settings are stored (their values are never returned). */
                            secretsSet: string[];
                            /** @description Path the vendor calls back (prefix the public URL). */
                            callbackPath: string;
                            lastMessageAt: string | null;
                            lastError: string | null;
                            lastErrorAt: string | null;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        } | {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "sms";
                            name: string;
                            enabled: boolean;
                            sandbox: boolean;
                            settings: ({
                                /** @enum {string} */
                                provider: "aliyun";
                                accessKeyId?: string;
                                signName?: string;
                                regionId?: string;
                                loginTemplateId?: string;
                                notifyTemplateId?: string;
                                surveyTemplateId?: string;
                                /** Format: uri */
                                apiBaseUrl?: string;
                                timeoutMs?: number;
                            } | {
                                /** @enum {string} */
                                provider: "tencent";
                                secretId?: string;
                                smsSdkAppId?: string;
                                signName?: string;
                                region?: string;
                                loginTemplateId?: string;
                                notifyTemplateId?: string;
                                surveyTemplateId?: string;
                                /** Format: uri */
                                apiBaseUrl?: string;
                                timeoutMs?: number;
                            }) | Record<string, never>;
                            /** @description Which secret settings are stored (their values are never returned). */
                            secretsSet: string[];
                            /** @description Path the vendor calls back (prefix the public URL). */
                            callbackPath: string;
                            lastMessageAt: string | null;
                            lastError: string | null;
                            lastErrorAt: string | null;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/channels/{kind}/accounts/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 测试连接 Test the connection
         * @description Calls the vendor's token API with the account's credentials; the result becomes the account's last error (or clears it).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            reason: string | null;
                            detail: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wecom/staff-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 企业微信成员映射 WeCom member of each user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                userId: string;
                                wecomUserId: string;
                                /** Format: uuid */
                                accountId: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wecom/staff-links/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * 设置成员映射 Link a user to a WeCom member
         * @description Ticket notifications (assignment, customer reply, SLA warning) go to this member through the account's self-built app.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The user */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The member's WeCom userid (通讯录 › 成员 › 账号). */
                        wecomUserId: string;
                        /**
                         * Format: uuid
                         * @description The WeCom account (corp) whose self-built app reaches the member.
                         */
                        accountId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            userId: string;
                            wecomUserId: string;
                            /** Format: uuid */
                            accountId: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** 取消成员映射 Unlink a user */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The user */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wecom/team-robots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 团队群机器人 Team group robots */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                teamId: string;
                                keySet: boolean;
                                apiBaseUrl: string;
                                sandbox: boolean;
                                enabled: boolean;
                                version: number;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wecom/team-robots/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * 设置团队群机器人 Set a team's group robot
         * @description New tickets of the team and SLA warnings/breaches are posted to the robot, at most 20 a minute; beyond that they are merged into one digest. `If-Match: "<version>"` guards a change (412 when stale).
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    /** @description The team */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The `key` of the robot's webhook URL (…/cgi-bin/webhook/send?key=…). Required for a new robot; left out, the stored one is kept. Never returned. */
                        webhookKey?: string;
                        /**
                         * Format: uri
                         * @description Default https://qyapi.weixin.qq.com (a fake server in tests).
                         */
                        apiBaseUrl?: string;
                        /** @description 沙箱: messages are recorded here instead of posted. */
                        sandbox?: boolean;
                        enabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            teamId: string;
                            keySet: boolean;
                            apiBaseUrl: string;
                            sandbox: boolean;
                            enabled: boolean;
                            version: number;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** 移除团队群机器人 Remove a team's robot */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The team */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dingtalk/staff-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 钉钉成员映射 DingTalk member of each user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                userId: string;
                                dingtalkUserId: string;
                                /** Format: uuid */
                                accountId: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dingtalk/staff-links/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * 设置钉钉成员映射 Link a user to a DingTalk member
         * @description Work notifications (new assignment, customer reply, SLA warning) go to this userid through the account's AgentId.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The user */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The member's DingTalk userid (管理后台 › 通讯录 › 成员详情 › userid). */
                        dingtalkUserId: string;
                        /**
                         * Format: uuid
                         * @description The DingTalk account (the corp's internal app) whose AgentId sends the work notifications.
                         */
                        accountId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            userId: string;
                            dingtalkUserId: string;
                            /** Format: uuid */
                            accountId: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** 取消钉钉成员映射 Unlink a user */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The user */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dingtalk/team-robots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 团队钉钉机器人 Team custom robots */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                teamId: string;
                                webhookSet: boolean;
                                signed: boolean;
                                sandbox: boolean;
                                enabled: boolean;
                                version: number;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dingtalk/team-robots/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * 设置团队钉钉机器人 Set a team's custom robot
         * @description New tickets of the team and SLA warnings/breaches are posted to the robot (signed when a 加签 secret is set), at most 20 a minute; beyond that they are merged into one digest. `If-Match: "<version>"` guards a change (412 when stale).
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    /** @description The team */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uri
                         * @description The robot's webhook (https://oapi.dingtalk.com/robot/send?access_token=…). Required for a new robot; left out, the stored one is kept. Never returned.
                         */
                        webhookUrl?: string;
                        /** @description The 加签 secret (SEC…); null removes it (a robot protected by keywords or IP only). Never returned. */
                        secret?: string | null;
                        /** @description 沙箱: messages are recorded here instead of posted. */
                        sandbox?: boolean;
                        enabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            teamId: string;
                            webhookSet: boolean;
                            signed: boolean;
                            sandbox: boolean;
                            enabled: boolean;
                            version: number;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** 移除团队钉钉机器人 Remove a team's robot */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The team */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/sms/sandbox-messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 沙箱短信 Recent sandbox SMS
         * @description The latest SMS a sandbox account or the development provider recorded instead of sending (codes included), newest first. Real sends are not listed: their codes are not kept.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                purpose: "code" | "notification";
                                /** @description E.164, e.g. +8613800138000. */
                                phone: string;
                                /**
                                 * @description sandbox: a 沙箱 account recorded it; dev: the development provider (OPENCSM_SMS_DEV_CODES).
                                 * @enum {string}
                                 */
                                status: "sandbox" | "dev";
                                accountId: string | null;
                                templateId: string | null;
                                /** @description The template parameters: `code` for a sign-in code, `number` and `link` for a notice, `link` for an NPS survey. */
                                params: {
                                    [key: string]: string;
                                };
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/login-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 获取登录验证码 Ask for a sign-in code
         * @description Always 202, whether or not the email belongs to a customer (no enumeration). A known customer gets a 6-digit code by email, valid 10 minutes, 5 tries. Limited per email and per IP (429 with Retry-After).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 用验证码登录 Sign in with the code
         * @description Sets the httpOnly `opencsm_portal` cookie (SameSite=Lax). A wrong, expired or used-up code is 400 naming `code`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            contactId: string;
                            name: string;
                            email: string | null;
                            organization: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            orgAdmin: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退出门户 Sign out of the portal */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 当前客户 The signed-in customer */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            contactId: string;
                            name: string;
                            email: string | null;
                            organization: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            orgAdmin: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/sign-in-methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 门户登录方式 How customers can sign in
         * @description `sms` is true when an SMS account is enabled (or the development provider is on); the sign-in page then opens on 手机号登录.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            email: boolean;
                            sms: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/sms-login-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 获取短信验证码 Ask for a sign-in code by SMS
         * @description Always 202, whether or not the mobile number belongs to a customer (no enumeration). A known customer gets a 6-digit code by SMS, valid 10 minutes, 5 tries. Limited per number (60 s apart, 5 an hour, 10 a day) and per IP (20 an hour): 429 with Retry-After. 400 naming `phone` for a number that cannot take SMS; 503 `sms.not_configured` without an SMS account.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        phone: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/sms-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 用短信验证码登录 Sign in with the SMS code
         * @description Sets the httpOnly `opencsm_portal` cookie (SameSite=Lax), like `POST /portal/sessions`. A wrong, expired or used-up code is 400 naming `code`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        phone: string;
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            contactId: string;
                            name: string;
                            email: string | null;
                            organization: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            orgAdmin: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 我的工单 My tickets
         * @description The customer's own tickets, newest first; an organisation admin sees the organisation's.
         */
        get: {
            parameters: {
                query?: {
                    before?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                number: string;
                                subject: string;
                                /** @enum {string} */
                                status: "new" | "open" | "pending" | "resolved" | "closed";
                                channel: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/tickets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 工单详情（按 id 或编号）A ticket by id or number */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            number: string;
                            subject: string;
                            /** @enum {string} */
                            status: "new" | "open" | "pending" | "resolved" | "closed";
                            channel: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            description: string;
                            /** @description Values of the custom fields a customer may see, by key. */
                            fields: {
                                [key: string]: unknown;
                            };
                            mine: boolean;
                            attachments: {
                                /** Format: uuid */
                                id: string;
                                filename: string;
                                contentType: string;
                                size: number;
                            }[];
                            entries: ({
                                /** @enum {string} */
                                kind: "message";
                                /** Format: uuid */
                                id: string;
                                /** Format: date-time */
                                createdAt: string;
                                channel: string;
                                author: {
                                    /** @enum {string} */
                                    kind: "customer";
                                    name: string | null;
                                } | {
                                    /** @enum {string} */
                                    kind: "agent";
                                    name: string;
                                };
                                body: string;
                                bodyHtml: string | null;
                                opening: boolean;
                                enteredByAgent: boolean;
                                attachments: {
                                    /** Format: uuid */
                                    id: string;
                                    filename: string;
                                    contentType: string;
                                    size: number;
                                }[];
                            } | {
                                /** @enum {string} */
                                kind: "status";
                                /** Format: uuid */
                                id: string;
                                /** Format: date-time */
                                createdAt: string;
                                from: ("new" | "open" | "pending" | "resolved" | "closed") | null;
                                /** @enum {string} */
                                to: "new" | "open" | "pending" | "resolved" | "closed";
                            })[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/tickets/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 回复工单 Reply to a ticket
         * @description JSON `{body}`, or multipart with a `body` field and up to 5 `files`, together at most `OPENCSM_PORTAL_MAX_UPLOAD_MB` (413 `form.submission_too_large`). Idempotent on the Idempotency-Key header. A reply to a closed ticket opens a follow-up ticket.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            ticketId: string;
                            ticketNumber: string;
                            createdTicket: boolean;
                            duplicate: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/tickets/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 关闭工单 Close the ticket */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            number: string;
                            subject: string;
                            /** @enum {string} */
                            status: "new" | "open" | "pending" | "resolved" | "closed";
                            channel: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/attachments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载附件 Download an attachment */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/forms/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 表单可选的分类 Categories the form offers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                parentId: string | null;
                                nameZh: string;
                                nameEn: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/forms/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 网页表单提交工单 Submit a ticket from the web form
         * @description JSON or multipart (the same fields, plus up to 5 `files`). Fields: `name`, `phone` and/or `email` (one required), `categoryId`, `subject` (default: the first line of the description), `description`, the honeypot `website` (leave empty), and `type` with `fields` (a ticket type's customer form, GET /portal/ticket-types/{key}/form; in multipart `fields` is one JSON field). A value the form refuses is a 400 at `fields.<key>`.
         *
         *     Answers 201 `{number}`. Limited per IP (30/hour) and per email or phone (5/hour): 429 with Retry-After. A retry with the same Idempotency-Key returns the same number.
         *
         *     Uploads: all files of one submission together at most `OPENCSM_FORM_MAX_UPLOAD_MB` (413 `form.submission_too_large`); per client IP per UTC day `OPENCSM_FORM_IP_DAILY_UPLOAD_MB` (429 `form.upload_budget_ip`) and for the whole installation `OPENCSM_FORM_DAILY_UPLOAD_MB` (429 `form.upload_budget_site`), both with Retry-After until the next UTC day. A refused submission stores nothing.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            number: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/ticket-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 客户可提交的工单类型 Ticket types customers can submit */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                key: string;
                                label: {
                                    "zh-CN": string;
                                    en: string;
                                };
                                title: {
                                    "zh-CN": string;
                                    en: string;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/ticket-types/{key}/form": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 工单类型的客户表单 The customer form of a ticket type
         * @description The portal form (`form.portal`), its customer-visible fields and the rules acting on them; submit it to POST /portal/forms/tickets with `type` and `fields`. Strong ETag, 304 on If-None-Match.
         */
        get: {
            parameters: {
                query?: never;
                header?: {
                    "if-none-match"?: string;
                };
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TicketTypeForm"];
                    };
                };
                /** @description Default Response */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/portal-access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 联系人的门户权限 A contact's portal access */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            contactId: string;
                            orgAdmin: boolean;
                        };
                    };
                };
            };
        };
        /**
         * 设置门户权限 Set a contact's portal access
         * @description `orgAdmin: true` lets the contact see and act on every ticket of their organisation in the portal.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        orgAdmin: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            contactId: string;
                            orgAdmin: boolean;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/articles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 搜索知识库 Search articles
         * @description Articles the caller may read: reviewers every article, writers published ones and their own, readers published ones. `q` searches title, tags and body (Chinese and English, each word as written); title hits first, then newest. `for=reply` keeps only published public articles (what may go into a customer's reply: the `??` of the composer). Without `q`, newest first.
         */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    locale?: "zh-CN" | "en";
                    categoryId?: string;
                    limit?: number;
                    status?: "draft" | "in_review" | "published" | "archived";
                    for?: "reply" | "note";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ArticleHit"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** 新建文章（草稿）Create an article (a draft) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        translations: {
                            /** @enum {string} */
                            locale: "zh-CN" | "en";
                            title: string;
                            bodyHtml: string;
                        }[];
                        categoryId?: string | null;
                        tags?: string[];
                        relatedIds?: string[];
                        /** @enum {string} */
                        visibility?: "internal" | "public" | "restricted";
                        organizationIds?: string[];
                        tierKeys?: string[];
                        slug?: string;
                        /** Format: uuid */
                        ownerId?: string;
                        reviewerId?: string | null;
                        reviewBy?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Article"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/articles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 文章详情 An article (by id or slug) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Article"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * 修改文章 Update an article
         * @description Requires `If-Match: "<version>"`. Writers edit their own drafts; reviewers any article (a published one stays published). Every change is a new version.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        translations?: {
                            /** @enum {string} */
                            locale: "zh-CN" | "en";
                            title: string;
                            bodyHtml: string;
                        }[];
                        categoryId?: string | null;
                        tags?: string[];
                        relatedIds?: string[];
                        /** @enum {string} */
                        visibility?: "internal" | "public" | "restricted";
                        organizationIds?: string[];
                        tierKeys?: string[];
                        slug?: string;
                        /** Format: uuid */
                        ownerId?: string;
                        reviewerId?: string | null;
                        reviewBy?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Article"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/articles/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 提交审核 / 发布 / 退回 / 归档 Submit, publish, send back, archive
         * @description `submit` (草稿 → 待审核, the owner), `reject` (待审核 → 草稿, with a note), `publish` (→ 已发布), `archive` (→ 已归档): the last three need knowledge.review. Requires `If-Match`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        transition: "submit" | "reject" | "publish" | "archive";
                        note?: string;
                        reviewerId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Article"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/articles/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 版本历史 Versions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ArticleVersion"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/articles/{id}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 版本对比 Compare two versions */
        get: {
            parameters: {
                query: {
                    from: number;
                    to: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ArticleDiff"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/articles/{id}/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 回滚到某个版本 Roll back to a version
         * @description The chosen version's text and settings become a new version; the state stays. Requires `If-Match`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        toVersion: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Article"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/articles/{id}/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 读者反馈 Votes and reasons */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            helpful: number;
                            notHelpful: number;
                            reasons: {
                                reason: string;
                                /** Format: date-time */
                                at: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/article-suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 推荐文章 Articles suggested for a ticket
         * @description Up to 5 published articles the caller may read, matched by the ticket's subject and description, best first, each with `matchedWords` (the words of the ticket it matched).
         */
        get: {
            parameters: {
                query?: {
                    locale?: "zh-CN" | "en";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ArticleHit"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/articles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 工单引用的文章 Articles used on a ticket */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                articleId: string;
                                slug: string;
                                mode: string;
                                locale: string;
                                userId: string;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * 在回复中插入文章 Insert an article into a reply or note
         * @description Records that the article was used on the ticket and answers its link and content to insert. `into: reply` accepts only published public articles (400 `article.not_public` at `articleId` for an internal one).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        articleId: string;
                        /** @enum {string} */
                        locale: "zh-CN" | "en";
                        /** @enum {string} */
                        mode: "link" | "content";
                        /** @enum {string} */
                        into: "reply" | "note";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            articleId: string;
                            slug: string;
                            title: string;
                            bodyHtml: string;
                            bodyText: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/messages/{messageId}/article-draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 由此回复创建文章 Make a draft article from a reply
         * @description A public reply becomes a draft (internal until reviewed) owned by the caller, with phone numbers, email addresses, ticket numbers and the customer's name replaced by marked placeholders (`<mark data-redacted>`) for the reviewer.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    messageId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @default zh-CN
                         * @enum {string}
                         */
                        locale?: "zh-CN" | "en";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            article: components["schemas"]["Article"];
                            redactions: {
                                kind: string;
                                count: number;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 知识库分类 Knowledge categories (a tree by parentId) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["KnowledgeCategory"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** 新建分类 Create a category */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        nameZh: string;
                        nameEn?: string;
                        parentId?: string | null;
                        position?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["KnowledgeCategory"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/categories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 修改分类 Update a category */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        nameZh: string;
                        nameEn?: string;
                        parentId?: string | null;
                        position?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["KnowledgeCategory"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/help/articles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 帮助中心文章与搜索 Help centre articles and search
         * @description Published public articles (no credentials). `q` searches title, tags and body for every word as written; title hits first. When nothing contains the words as written, the answer is the best matches for any of them (as suggestions), since a customer does not know the article's wording.
         */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    locale?: "zh-CN" | "en";
                    categoryId?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["PublicArticleHit"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/help/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 输入时推荐文章 Suggestions while typing a subject
         * @description Up to 5 published public articles for what a customer is typing (any of its words may match; best first), each with `matchedWords`.
         */
        get: {
            parameters: {
                query: {
                    q: string;
                    locale?: "zh-CN" | "en";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["PublicArticleHit"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/help/articles/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 帮助中心文章 A help centre article (by slug) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublicArticle"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/help/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 帮助中心分类 Help centre categories */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["KnowledgeCategory"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/help/articles/{id}/visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 记录阅读 Record that a visitor opened an article
         * @description Counts a view and starts the 30-minute deflection window for this visitor (a first-party cookie identifies the visitor; it is set when missing).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        source: "help" | "form";
                        /** @enum {string} */
                        locale: "zh-CN" | "en";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/help/articles/{id}/votes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 有用吗？ Vote on an article
         * @description One vote per visitor per article: voting again changes the vote. A "not helpful" vote (with an optional reason) becomes a task for the article's owner.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        helpful: boolean;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            helpful: boolean;
                            changed: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/help/ticket-submitted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 访客提交了工单 The visitor submitted a ticket
         * @description Sent by the web form and the portal after a ticket is submitted: the articles this visitor opened in the last 30 minutes did not deflect it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            visits: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/articles/{id}/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 上传文章图片或附件（multipart，字段 file）Upload an image or attachment (multipart field "file")
         * @description Limit 25 MB; the type is sniffed from the bytes. Embed an image as `<img src="{url}">`.
         */
        post: {
            parameters: {
                query?: {
                    /** @description `image`: refuse (400 at `file`) anything but a PNG, JPEG, GIF or WebP image */
                    kind?: "image" | "attachment";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            url: string;
                            filename: string;
                            contentType: string;
                            size: number;
                            image: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/articles/{id}/files/{fileId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * 移除文章的图片或附件 Remove an image or attachment from an article
         * @description For those who may edit the article. Its address stops answering for this article; remove an image from the body first.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    fileId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/articles/files/{sha256}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 文章文件（员工）An article's file, for staff */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sha256: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/help/files/{sha256}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 帮助中心文章的图片与附件 A help-centre article's image or attachment
         * @description Only files of articles the visitor may read (published public ones, or a signed-in customer's restricted ones); a signed-in console user reads those of the articles they may read (their drafts' images in the editor).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sha256: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/macros": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 宏列表与搜索 List and search macros
         * @description Most used first. `nextCursor` (null on the last page) goes back as `cursor`.
         */
        get: {
            parameters: {
                query?: {
                    /** @description `usable` (the composer): active macros you may use; `personal`: yours, inactive included; `shared`: shared ones (all of them with `macros.manage`). */
                    scope?: "usable" | "personal" | "shared";
                    /** @description Substring of the name, shortcut or text (Chinese included; ASCII letters ignore case). */
                    q?: string;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Macro"][];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * 创建宏 Create a macro
         * @description Unknown variables in `body` answer 400 at `body` with the line and column; actions naming a missing priority, team, assignee or field answer 400 at `actions.<field>`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description `personal`: yours alone. `shared`: needs `macros.manage`.
                         * @enum {string}
                         */
                        scope: "personal" | "shared";
                        name: string;
                        shortcut?: string | null;
                        /** @description Text with variables such as {{ticket.number}} and {{requester.name}} (GET /api/v1/macros/variables; docs/automation.md). */
                        body?: string;
                        /**
                         * @description `reply`: lands in the composer as a public reply; `note`: as an internal note.
                         * @enum {string}
                         */
                        bodyKind?: "reply" | "note";
                        /** @description Ticket changes applied with the macro; each is optional. `fields`: custom values by key (null clears one), judged by the ticket's form when applied. */
                        actions?: {
                            /** @enum {string} */
                            status?: "new" | "open" | "pending" | "resolved" | "closed";
                            priority?: string;
                            teamId?: string | null;
                            assigneeId?: string | null;
                            tagsAdd?: string[];
                            tagsRemove?: string[];
                            fields?: {
                                [key: string]: unknown;
                            };
                        };
                        /** @description Shared macros: the teams whose members may use it; empty: every agent. */
                        teamIds?: string[];
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Macro"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/macros/variables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 宏可用的变量 Variables a macro text may use
         * @description The catalogue (docs/automation.md) and `fields.<key>` for each custom ticket field the caller may read, labelled in the caller's language.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                key: string;
                                label: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/macros/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 宏详情 A macro
         * @description The `ETag` header carries the version for `If-Match`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Macro"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * 删除宏 Delete a macro
         * @description An optional `If-Match` guards against deleting a macro someone just changed.
         */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * 修改宏 Update a macro
         * @description Requires `If-Match: "<version>"` (428 without it; 412 when stale). Fields sent replace the stored ones (`actions` whole).
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        shortcut?: string | null;
                        /** @description Text with variables such as {{ticket.number}} and {{requester.name}} (GET /api/v1/macros/variables; docs/automation.md). */
                        body?: string;
                        /**
                         * @description `reply`: lands in the composer as a public reply; `note`: as an internal note.
                         * @enum {string}
                         */
                        bodyKind?: "reply" | "note";
                        /** @description Ticket changes applied with the macro; each is optional. `fields`: custom values by key (null clears one), judged by the ticket's form when applied. */
                        actions?: {
                            /** @enum {string} */
                            status?: "new" | "open" | "pending" | "resolved" | "closed";
                            priority?: string;
                            teamId?: string | null;
                            assigneeId?: string | null;
                            tagsAdd?: string[];
                            tagsRemove?: string[];
                            fields?: {
                                [key: string]: unknown;
                            };
                        };
                        /** @description Shared macros: the teams whose members may use it; empty: every agent. */
                        teamIds?: string[];
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Macro"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/tickets/{id}/macros/{macroId}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 预览宏 Preview a macro on a ticket
         * @description The text rendered for this ticket (variables the caller may not read render empty) and the changes its actions would make, judged as applying would judge them. Nothing is written.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Ticket id or number */
                    id: string;
                    macroId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            macroId: string;
                            /** @description The text rendered for this ticket and reader, for the composer (not sent). */
                            body: string;
                            /**
                             * @description `reply`: lands in the composer as a public reply; `note`: as an internal note.
                             * @enum {string}
                             */
                            bodyKind: "reply" | "note";
                            /** @description Ticket fields changed (apply) or that would change (preview), as the timeline names them. */
                            changes: {
                                field: string;
                                from: unknown;
                                to: unknown;
                            }[];
                            /** @description The ticket's version after it (for the next If-Match). */
                            ticketVersion: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/macros/{macroId}/apply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 应用宏 Apply a macro to a ticket
         * @description Applies the actions as one ticket update by the caller (one `ticket.updated`) and counts a use. The text is returned for the composer; it is not sent. An optional `If-Match: "<ticket version>"` refuses (412) a ticket changed since the preview.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    /** @description Ticket id or number */
                    id: string;
                    macroId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            macroId: string;
                            /** @description The text rendered for this ticket and reader, for the composer (not sent). */
                            body: string;
                            /**
                             * @description `reply`: lands in the composer as a public reply; `note`: as an internal note.
                             * @enum {string}
                             */
                            bodyKind: "reply" | "note";
                            /** @description Ticket fields changed (apply) or that would change (preview), as the timeline names them. */
                            changes: {
                                field: string;
                                from: unknown;
                                to: unknown;
                            }[];
                            /** @description The ticket's version after it (for the next If-Match). */
                            ticketVersion: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings/security": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 安全设置 Security settings */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SecuritySettings"];
                    };
                };
            };
        };
        /**
         * 修改安全设置 Update security settings
         * @description Requires `If-Match: "<version>"` ("0" before the first save; 428 without, 412 when stale). Takes effect at once in every process.
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        outboundAllow: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SecuritySettings"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/surveys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 调查列表 Surveys
         * @description CSAT and NPS surveys, newest first; filter by kind, status, ticket or customer. `before`: the last id of the previous page.
         */
        get: {
            parameters: {
                query?: {
                    kind?: "csat" | "nps";
                    status?: "scheduled" | "sending" | "delivered" | "answered" | "skipped" | "failed" | "cancelled";
                    ticketId?: string;
                    contactId?: string;
                    before?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Survey"][];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * 发送调查 Send a survey
         * @description `{kind: "csat", ticketId}` asks a resolved ticket's requester again; `{kind: "nps", contactId}` asks one customer. Due at once; the worker sends it through the customer's channel.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "csat";
                        /** Format: uuid */
                        ticketId: string;
                    } | {
                        /** @enum {string} */
                        kind: "nps";
                        /** Format: uuid */
                        contactId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Survey"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/surveys/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 调查统计 Survey statistics
         * @description Response rate per channel (answers ÷ surveys delivered) and CSAT (share of 4–5 stars, mean) or NPS (% promoters − % detractors) grouped by channel, team, organization, tier, period or month of the answer, or (`by=field&field=contact.<key>` or `organisation.<key>`) by a select, cascader (its first level) or multiselect (each option chosen) custom field of the customer as it was when the survey was made; those groups carry the option's `label`. `from`/`to` bound the send time.
         */
        get: {
            parameters: {
                query?: {
                    kind?: "csat" | "nps";
                    by?: "channel" | "team" | "organization" | "tier" | "period" | "month" | "field";
                    field?: string;
                    from?: unknown;
                    to?: unknown;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SurveyStats"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings/surveys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 调查设置 Survey settings */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SurveySettings"];
                    };
                };
            };
        };
        /**
         * 修改调查设置 Update survey settings
         * @description Any subset of the settings. Requires `If-Match: "<version>"` ("0" before the first save; 428 without, 412 when stale).
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        csatEnabled?: boolean;
                        csatDelayMinutes?: number;
                        csatCooldownDays?: number;
                        lowRatingThreshold?: number;
                        followUpTypeKey?: string;
                        linkValidDays?: number;
                        npsEnabled?: boolean;
                        npsIntervalDays?: number;
                        npsSamplePercent?: number;
                        npsTierKeys?: string[];
                        npsQuietDaysAfterComplaint?: number;
                        npsComplaintTypeKey?: string;
                        /**
                         * @description Invitations' language for customers without their own (a contact's `locale` attribute, zh-CN or en, comes first).
                         * @enum {string}
                         */
                        invitationLocale?: "zh-CN" | "en";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SurveySettings"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/surveys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 工单的满意度调查 A ticket's surveys
         * @description Rating, comment and the 回访 ticket of each survey of a ticket the caller may see.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Survey"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/surveys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 客户的调查 A customer's surveys
         * @description CSAT and NPS answers of one customer (the customer 360).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Survey"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/survey-links/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 调查页面 The survey behind a link
         * @description 404 for a link that is not ours or was altered, 410 once it expired.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SurveyPage"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/survey-links/{token}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 提交评分 Answer a survey
         * @description Once per link: a second answer is 409 `survey.link_used`. CSAT 1–5, NPS 0–10 (400 at `score` otherwise).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        score: number;
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SurveyPage"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/survey-links/{token}/comment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 补充评价 Add the comment
         * @description After the rating, once.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SurveyPage"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/tickets/{id}/survey": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 工单的满意度调查 The survey of my ticket
         * @description The survey the signed-in requester may answer on the ticket page, or null.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            survey: components["schemas"]["SurveyPage"] | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * 在门户评分 Rate my ticket
         * @description With a score: the answer (once); with only a comment: the comment after it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        score?: number;
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            survey: components["schemas"]["SurveyPage"] | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/nps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 我的 NPS 调查 My NPS survey
         * @description The NPS survey waiting for the signed-in customer on the portal, or null.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            nps: components["schemas"]["PortalNps"] | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/nps/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 回答 NPS 调查 Answer my NPS survey
         * @description With a score (0–10): the answer, once (409 `survey.link_used` after); with only a comment: «为什么» after it, once.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        score?: number;
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            nps: components["schemas"]["PortalNps"];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 我的通知 My notifications
         * @description Newest first, a keyset page (`nextCursor` → `cursor`), `unread=1` for unread ones only; `unreadCount` counts all unread.
         */
        get: {
            parameters: {
                query?: {
                    unread?: "0" | "1" | "true" | "false";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationPage"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 标记为已读 Mark read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            unreadCount: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 全部标记为已读 Mark all read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            marked: number;
                            unreadCount: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notification-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 通知偏好 Notification preferences */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationPreferences"];
                    };
                };
            };
        };
        /**
         * 修改通知偏好 Update notification preferences
         * @description Every kind with its switches (enabled, email, wecom, dingtalk), quiet hours (HH:MM, may span midnight; email waits until they end), the time zone and the daily digest. Requires `If-Match: "<version>"` ("0" before the first save).
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        kinds: {
                            ticket_assigned: {
                                enabled: boolean;
                                email: boolean;
                                wecom: boolean;
                                dingtalk: boolean;
                            };
                            team_ticket_unassigned: {
                                enabled: boolean;
                                email: boolean;
                                wecom: boolean;
                                dingtalk: boolean;
                            };
                            customer_replied: {
                                enabled: boolean;
                                email: boolean;
                                wecom: boolean;
                                dingtalk: boolean;
                            };
                            internal_note: {
                                enabled: boolean;
                                email: boolean;
                                wecom: boolean;
                                dingtalk: boolean;
                            };
                            sla_warning: {
                                enabled: boolean;
                                email: boolean;
                                wecom: boolean;
                                dingtalk: boolean;
                            };
                            sla_breached: {
                                enabled: boolean;
                                email: boolean;
                                wecom: boolean;
                                dingtalk: boolean;
                            };
                            rule: {
                                enabled: boolean;
                                email: boolean;
                                wecom: boolean;
                                dingtalk: boolean;
                            };
                            admin_notice: {
                                enabled: boolean;
                                email: boolean;
                                wecom: boolean;
                                dingtalk: boolean;
                            };
                        };
                        quietHours: {
                            start: string;
                            end: string;
                        } | null;
                        timeZone: string;
                        digest: {
                            enabled: boolean;
                            at: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationPreferences"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feishu/team-robots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 团队飞书机器人 Team Feishu robots */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["FeishuTeamRobot"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feishu/team-robots/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * 设置团队飞书机器人 Set a team's Feishu robot
         * @description New tickets of the team and SLA warnings/breaches are posted to the robot (signed when a secret is set), at most 20 a minute; beyond that they are merged into one digest. `If-Match: "<version>"` guards a change (412 when stale).
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    /** @description The team */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uri
                         * @description The robot's webhook (https://open.feishu.cn/open-apis/bot/v2/hook/…). Required for a new robot; left out, the stored one is kept. Never returned.
                         */
                        webhookUrl?: string;
                        /** @description The 签名校验 secret from the robot's security settings; null removes it. Never returned. */
                        secret?: string | null;
                        /** @description 沙箱: messages are recorded here instead of posted. */
                        sandbox?: boolean;
                        enabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FeishuTeamRobot"];
                    };
                };
            };
        };
        post?: never;
        /** 移除团队飞书机器人 Remove a team's Feishu robot */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The team */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/service-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 服务类型 Service types with their current forms */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ServiceType"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * 新建服务类型 Create a service type
         * @description `forms` (optional): `{fields, form, reportFields, reportForm}` — the work order's custom fields and form and the service report's, in the form engine's definitions; published as version 1 (400 with paths `forms.form.rules.0.when…`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        key: string;
                        name: {
                            "zh-CN": string;
                            /** @default  */
                            en?: string;
                        };
                        defaultDurationMinutes?: number;
                        requiredSkills?: string[];
                        checkInRadiusMeters?: number;
                        autoDispatch?: boolean;
                        /** @enum {string} */
                        autoDispatchPick?: "best" | "nearest" | "least_loaded";
                        autoDispatchWithinHours?: number | null;
                        active?: boolean;
                        position?: number;
                        forms?: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ServiceType"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/service-types/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 服务类型详情 A service type */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ServiceType"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * 修改服务类型 Edit a service type (If-Match)
         * @description If-Match is the type's `version`. `autoDispatch`, `autoDispatchPick` (`best` | `nearest` | `least_loaded`) and `autoDispatchWithinHours` (null: any appointment) are 设置 › 现场服务's auto-dispatch rule.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: {
                            "zh-CN": string;
                            /** @default  */
                            en?: string;
                        };
                        defaultDurationMinutes?: number;
                        requiredSkills?: string[];
                        checkInRadiusMeters?: number;
                        autoDispatch?: boolean;
                        /** @enum {string} */
                        autoDispatchPick?: "best" | "nearest" | "least_loaded";
                        autoDispatchWithinHours?: number | null;
                        active?: boolean;
                        position?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ServiceType"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/service-types/{key}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 发布服务类型表单 Publish a new version of the type's forms
         * @description Work orders made before keep their version.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ServiceType"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/work-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 派工单列表 List work orders
         * @description Newest first, keyset-paged (`after` = the previous page's `nextCursor`). Engineers see only their own; dispatchers and agents those of their teams, created by them or dispatched to them; admins all. `ticket` lists one ticket's visits (the ticket must be visible).
         */
        get: {
            parameters: {
                query?: {
                    mine?: "true" | "false";
                    /** @description Comma-separated statuses */
                    status?: string;
                    engineer?: string;
                    ticket?: string;
                    from?: unknown;
                    to?: unknown;
                    after?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["WorkOrder"][];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * 创建派工单 Create a work order for a ticket
         * @description Only `ticketId` is required: priority, team and customer come from the ticket, duration and skills from the service type (default: the first active one). Custom `fields` are judged by the service type's form (400 at `fields.<key>`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ticketId: string;
                        serviceType?: string;
                        priority?: string;
                        teamId?: string | null;
                        site?: {
                            region: string[];
                            /** @default  */
                            street?: string;
                            lat?: number | null;
                            lng?: number | null;
                        } | null;
                        appointment?: {
                            start: unknown;
                            end: unknown;
                            agreed?: boolean;
                        } | null;
                        deviceIds?: string[];
                        requiredSkills?: string[];
                        estimatedMinutes?: number;
                        fields?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkOrderDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/work-orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 派工单详情 A work order with its steps and attachments */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkOrderDetail"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * 修改派工单 Edit a work order (If-Match)
         * @description Dispatchers of its team until it ends; agents who see it while it waits for dispatch. The status moves only by events.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        priority?: string;
                        teamId?: string | null;
                        site?: {
                            region: string[];
                            /** @default  */
                            street?: string;
                            lat?: number | null;
                            lng?: number | null;
                        } | null;
                        appointment?: {
                            start: unknown;
                            end: unknown;
                            agreed?: boolean;
                        } | null;
                        deviceIds?: string[];
                        requiredSkills?: string[];
                        estimatedMinutes?: number;
                        fields?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkOrder"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/work-orders/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 派工单操作 A step of a work order (accept, depart, arrive …)
         * @description `opId` is a client-generated UUID: the same operation again answers 200 with the first step and writes nothing; another body under a used opId is a 409 (`work_order.op_id_reused`).
         *
         *     The server decides the status. A step not allowed now is a 409 (`work_order.step_not_allowed`) whose error names the current `status`, `engineerId` and `engineerName`; an engineer the order was taken from gets `work_order.reassigned`.
         *
         *     depart, arrive and finish need the phone's `lat`/`lng` (WGS-84): stored converted to GCJ-02, with the straight-line distance to the site and `beyondRadius` past the service type's check-in radius (default 500 m). Optional If-Match: the order's version (412 if it moved).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        opId: string;
                        /** @enum {string} */
                        type: "dispatch" | "accept" | "reject" | "depart" | "arrive" | "start" | "report" | "finish" | "cancel" | "revisit";
                        at: unknown;
                        lat?: number;
                        lng?: number;
                        reason?: string;
                        /** Format: uuid */
                        engineerId?: string;
                        appointmentStart?: unknown;
                        appointmentEnd?: unknown;
                        force?: boolean;
                        report?: {
                            /** @default  */
                            fault?: string;
                            /** @default  */
                            cause?: string;
                            /** @default  */
                            action?: string;
                            /** @default {} */
                            fields?: {
                                [key: string]: unknown;
                            };
                            /** @default [] */
                            parts?: {
                                name: string;
                                /** @default null */
                                model?: string | null;
                                quantity: number;
                            }[];
                            /** @default null */
                            labourMinutes?: number | null;
                            /** @default [] */
                            photoIds?: string[];
                            /** @default null */
                            signatureId?: string | null;
                            /** @default null */
                            rating?: number | null;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            outcome: "applied" | "duplicate";
                            step: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                opId: string;
                                type: string;
                                from: string;
                                to: string;
                                /** Format: date-time */
                                at: string;
                                distanceMeters: number | null;
                                beyondRadius: boolean | null;
                            };
                            workOrder: components["schemas"]["WorkOrder"];
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            outcome: "applied" | "duplicate";
                            step: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                opId: string;
                                type: string;
                                from: string;
                                to: string;
                                /** Format: date-time */
                                at: string;
                                distanceMeters: number | null;
                                beyondRadius: boolean | null;
                            };
                            workOrder: components["schemas"]["WorkOrder"];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/work-orders/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 离线同步 Replay the engineer app's outbox
         * @description Operations are applied in the order given, each on its own, and each gets a result in that order: `applied`, `duplicate` (its opId was applied before; nothing written), `conflict` (with the order's current `status` and `engineerId`, e.g. reassigned meanwhile), `invalid`, `forbidden` or `not_found`. None is dropped.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        operations: {
                            /** Format: uuid */
                            workOrderId: string;
                            /** Format: uuid */
                            opId: string;
                            /** @enum {string} */
                            type: "dispatch" | "accept" | "reject" | "depart" | "arrive" | "start" | "report" | "finish" | "cancel" | "revisit";
                            at: unknown;
                            lat?: number;
                            lng?: number;
                            reason?: string;
                            /** Format: uuid */
                            engineerId?: string;
                            appointmentStart?: unknown;
                            appointmentEnd?: unknown;
                            force?: boolean;
                            report?: {
                                /** @default  */
                                fault?: string;
                                /** @default  */
                                cause?: string;
                                /** @default  */
                                action?: string;
                                /** @default {} */
                                fields?: {
                                    [key: string]: unknown;
                                };
                                /** @default [] */
                                parts?: {
                                    name: string;
                                    /** @default null */
                                    model?: string | null;
                                    quantity: number;
                                }[];
                                /** @default null */
                                labourMinutes?: number | null;
                                /** @default [] */
                                photoIds?: string[];
                                /** @default null */
                                signatureId?: string | null;
                                /** @default null */
                                rating?: number | null;
                            };
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            results: {
                                /** Format: uuid */
                                opId: string;
                                /** Format: uuid */
                                workOrderId: string;
                                /** @enum {string} */
                                outcome: "applied" | "duplicate" | "conflict" | "invalid" | "forbidden" | "not_found";
                                status: string | null;
                                version: number | null;
                                engineerId: string | null;
                                code: string | null;
                                params: {
                                    [key: string]: string | number;
                                };
                                errors: {
                                    path: string;
                                    code: string;
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/work-orders/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 上传现场照片或客户签名 Upload a photo or the customer's signature (multipart field "file")
         * @description An image, at most 25 MB. `clientId` is the app's UUID for the file: the same upload again answers 200 with the first one and stores nothing.
         */
        post: {
            parameters: {
                query: {
                    clientId: string;
                    kind: "photo" | "signature";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            clientId: string;
                            kind: string;
                            filename: string;
                            contentType: string;
                            size: number;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            clientId: string;
                            kind: string;
                            filename: string;
                            contentType: string;
                            size: number;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/work-order-attachments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载派工单附件 Download a photo or signature of a work order one sees */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/work-orders/{id}/report.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 服务报告 PDF The service report of a work order one sees, as it stands now
         * @description Rendered on demand (the copy sent to the customer on completion is an attachment of the ticket). `locale` defaults to the customer's language, else zh-CN.
         */
        get: {
            parameters: {
                query?: {
                    locale?: "zh-CN" | "en";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/field-service/customer-notice-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 客户通知设置 Appointment notices and reminders: global and per service type (dispatchers read, admins edit) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CustomerNoticeSettings"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/field-service/customer-notice-settings/{scope}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * 修改客户通知设置 Set notices for all (`global`) or one service type (its key)
         * @description `reminderTime` is HH:MM on the day before the appointment, in the installation's time zone; null sends no reminder. `noticeKinds` (default all): which of `scheduled` (预约), `rescheduled` (改约), `cancelled` (取消) go out. `companyName` (global only) heads the PDF service report. Recorded as `field_service.settings_changed`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    scope: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        noticesEnabled: boolean;
                        reminderTime: string | null;
                        noticeKinds?: ("scheduled" | "rescheduled" | "cancelled")[];
                        companyName?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CustomerNoticeSettings"][];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/tickets/{id}/visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 上门服务 The visits of one of my tickets
         * @description Only the ticket's requester: appointment window, engineer (name only), status, the service report once sent (download it with `/api/v1/portal/attachments/{attachmentId}`) and whether the visit may still be rated.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                number: string;
                                /** @enum {string} */
                                status: "pending_dispatch" | "dispatched" | "accepted" | "rejected" | "departed" | "arrived" | "in_service" | "awaiting_confirmation" | "completed" | "cancelled" | "revisit_needed";
                                serviceType: {
                                    "zh-CN": string;
                                    en: string;
                                };
                                appointmentStart: string | null;
                                appointmentEnd: string | null;
                                engineerName: string | null;
                                report: {
                                    attachmentId: string;
                                    filename: string;
                                } | null;
                                rating: number | null;
                                canRate: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/visits/{id}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 评价上门服务 Rate a completed visit (once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rating: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rating: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dispatch/board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 派工台 The dispatch board: engineers × days, and the orders waiting for one
         * @description Engineers of the caller's teams (admins: all; `teamId` narrows to one of them, another team is a 403) × `days` local days from `from`, each visit with its conflicts (`overlap`, `outside_shift`, `on_leave`, `travel`) and the straight-line travel from the visit before at `speedKmh`; the load per day against the engineer's daily capacity.
         *
         *     Other teams' visits of the same engineers are shown as busy time only (`visible: false`). `unscheduled` lists 待派工 and refused orders the caller sees by urgency: priority rank, the ticket's next SLA due time, the appointment, oldest first; keyset-paged with `after`.
         */
        get: {
            parameters: {
                query: {
                    /** @description the first local day (YYYY-MM-DD, the installation's time zone) */
                    from: string;
                    days?: number;
                    teamId?: string;
                    /** @description average travel speed for the straight-line estimate */
                    speedKmh?: number;
                    /** @description the unscheduled list's `nextCursor` */
                    after?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DispatchBoard"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/work-orders/{id}/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 建议工程师 Ranked engineers for a work order, with the reasons
         * @description Judged at the appointment (or now): engineers without a required skill, off shift, on leave or at their daily capacity are left out; `all=1` lists them in `excluded` with the reasons.
         */
        get: {
            parameters: {
                query?: {
                    all?: "0" | "1";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DispatchSuggestions"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/engineers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 工程师 Field engineers one dispatches for, with their dispatch profiles */
        get: {
            parameters: {
                query?: {
                    teamId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["EngineerProfile"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/engineers/{id}/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * 修改工程师档案 Edit an engineer's skills, service zones, home base and daily capacity (If-Match)
         * @description If-Match is the profile's `version` (0 before the first edit). `zones` are 省/市/区 codes (a code serves everything under it); `home` is a site (region codes, street, GCJ-02 point).
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        skills?: string[];
                        zones?: string[];
                        home?: {
                            region: string[];
                            /** @default  */
                            street?: string;
                            lat?: number | null;
                            lng?: number | null;
                        } | null;
                        dailyCapacity?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EngineerProfile"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/field-service/map-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 地图设置 The dispatch board's map: AMap key, whether a security code is set, the script's base URL */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MapSettings"];
                    };
                };
            };
        };
        /**
         * 修改地图设置 Set the AMap JS API 2.0 key and security code (安全密钥)
         * @description The security code is sealed with the installation key and never listed; omit it to keep the stored one (required the first time, 400 at `securityCode`). The script's base URL is the server's `OPENCSM_MAP_SCRIPT_BASE_URL`, which the console's CSP allows. Recorded as `field_service.settings_changed` (scope `map`).
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        apiKey: string;
                        securityCode?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MapSettings"];
                    };
                };
            };
        };
        post?: never;
        /** 移除地图 Remove the map key: the board shows distances only */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MapSettings"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dispatch/map": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 派工台地图 What the board loads the map with (dispatchers)
         * @description AMap's JS API reads the security code in the browser (`window._AMapSecurityConfig`), so dispatchers receive it here; `configured: false` without a key.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MapConfig"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webhook 列表 Webhook endpoints */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["WebhookEndpoint"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * 添加 Webhook Create an endpoint
         * @description The answer carries the signing secret (whsec_…) this once. The URL is checked against the outbound guard (400 at `url`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description https://…, or http:// to a host on the outbound allowlist */
                        url: string;
                        description?: string;
                        /** @description From GET /api/v1/webhooks/event-types */
                        eventTypes: string[];
                        enabled?: boolean;
                        /** @description Sent with every delivery; stored encrypted, answered by name only */
                        headers?: {
                            [key: string]: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/event-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 可订阅的事件 Event types an endpoint may subscribe to */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["WebhookEventType"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webhook 详情 An endpoint */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpoint"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** 删除 Webhook Delete an endpoint and its delivery log */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * 修改 Webhook Update an endpoint
         * @description Requires `If-Match: "<version>"` (428 without, 412 when stale).
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description https://…, or http:// to a host on the outbound allowlist */
                        url?: string;
                        description?: string;
                        /** @description From GET /api/v1/webhooks/event-types */
                        eventTypes?: string[];
                        enabled?: boolean;
                        /** @description Replaces every custom header ({} removes them) */
                        headers?: {
                            [key: string]: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpoint"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 轮换密钥 Rotate the signing secret
         * @description The new secret is answered this once; the previous one keeps signing beside it for `previousValidHours`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description How long the current secret keeps signing beside the new one
                         * @default 24
                         */
                        previousValidHours?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 发送测试事件 Send a test event
         * @description One `webhook.test` delivery, attempted now (no retries); answered with its attempt.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookDeliveryDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 投递记录 Delivery log
         * @description Newest first; `nextCursor` pages on.
         */
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "delivered" | "failed";
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["WebhookDelivery"][];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries/{deliveryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 投递详情 A delivery with its attempts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    deliveryId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookDeliveryDetail"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries/{deliveryId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 重新投递 Replay a delivery
         * @description A new attempt now, under the same webhook-id.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    deliveryId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookDeliveryDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 自动化规则列表 Automation rules, in the order they are tried
         * @description For each event, the enabled rules listening to it are tried in this order; a rule with `stopAfter` that fires ends the pass.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "event" | "time";
                                name: string;
                                description: string;
                                triggers: ("ticket.created" | "ticket.updated" | "customer.replied" | "agent.replied" | "note.added" | "sla.warning" | "sla.breached" | "survey.answered")[];
                                timeTrigger: {
                                    /** @enum {string} */
                                    anchor: "status" | "unassigned" | "created" | "customer_replied" | "agent_replied";
                                    /** @enum {string} */
                                    status?: "new" | "open" | "pending" | "resolved" | "closed";
                                    amount: number;
                                    /** @enum {string} */
                                    unit: "minutes" | "hours" | "business_minutes" | "business_hours" | "business_days";
                                    /** Format: uuid */
                                    calendarId?: string;
                                } | null;
                                conditions: unknown;
                                actions: ({
                                    /** @enum {string} */
                                    type: "set_field";
                                    field: ("status" | "priority" | "category" | "subject") | string;
                                    value: string | number | boolean | string[] | null;
                                } | {
                                    /** @enum {string} */
                                    type: "assign_user";
                                    /** Format: uuid */
                                    userId: string;
                                } | {
                                    /** @enum {string} */
                                    type: "assign_team";
                                    /** Format: uuid */
                                    teamId: string;
                                } | {
                                    /** @enum {string} */
                                    type: "add_tags";
                                    tags: string[];
                                } | {
                                    /** @enum {string} */
                                    type: "remove_tags";
                                    tags: string[];
                                } | {
                                    /** @enum {string} */
                                    type: "add_note";
                                    body: string;
                                } | {
                                    /** @enum {string} */
                                    type: "change_type";
                                    typeKey: string | null;
                                } | {
                                    /** @enum {string} */
                                    type: "create_follow_up";
                                    subject: string;
                                    /** @default  */
                                    description: string;
                                    /** @default null */
                                    teamId: string | null;
                                } | {
                                    /** @enum {string} */
                                    type: "notify";
                                    recipients: {
                                        /** @default [] */
                                        userIds: string[];
                                        /** @default [] */
                                        teamIds: string[];
                                        /** @default [] */
                                        roles: ("admin" | "supervisor" | "agent" | "field_engineer")[];
                                        /** @default false */
                                        assignee: boolean;
                                        /** @default false */
                                        teamMembers: boolean;
                                        /** @default false */
                                        requester: boolean;
                                    };
                                    texts: {
                                        "zh-CN": string;
                                        en: string;
                                    };
                                } | {
                                    /** @enum {string} */
                                    type: "webhook";
                                    /** Format: uuid */
                                    endpointId: string;
                                    eventType: string;
                                } | {
                                    /** @enum {string} */
                                    type: "reply";
                                    body: string;
                                    /** @default false */
                                    internal: boolean;
                                } | {
                                    /** @enum {string} */
                                    type: "apply_sla_policy";
                                    /** Format: uuid */
                                    policyId: string;
                                })[];
                                position: number;
                                stopAfter: boolean;
                                enabled: boolean;
                                version: number;
                                createdBy: string | null;
                                updatedBy: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * 创建自动化规则 Create an event rule
         * @description Conditions are the condition language (docs/conditions.md) over the fields of `GET /rules/fields`; `changed*` only when `triggers` holds `ticket.updated`. Every problem answers 400 at its path (`conditions.all.2.value`, `actions.1.userId`). The rule goes last.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @default  */
                        description?: string;
                        /**
                         * @default event
                         * @enum {string}
                         */
                        kind?: "event" | "time";
                        /** @default [] */
                        triggers?: ("ticket.created" | "ticket.updated" | "customer.replied" | "agent.replied" | "note.added" | "sla.warning" | "sla.breached" | "survey.answered")[];
                        /** @default null */
                        timeTrigger?: {
                            /** @enum {string} */
                            anchor: "status" | "unassigned" | "created" | "customer_replied" | "agent_replied";
                            /** @enum {string} */
                            status?: "new" | "open" | "pending" | "resolved" | "closed";
                            amount: number;
                            /** @enum {string} */
                            unit: "minutes" | "hours" | "business_minutes" | "business_hours" | "business_days";
                            /** Format: uuid */
                            calendarId?: string;
                        } | null;
                        /**
                         * @default {
                         *       "all": []
                         *     }
                         */
                        conditions?: unknown;
                        actions: ({
                            /** @enum {string} */
                            type: "set_field";
                            field: ("status" | "priority" | "category" | "subject") | string;
                            value: string | number | boolean | string[] | null;
                        } | {
                            /** @enum {string} */
                            type: "assign_user";
                            /** Format: uuid */
                            userId: string;
                        } | {
                            /** @enum {string} */
                            type: "assign_team";
                            /** Format: uuid */
                            teamId: string;
                        } | {
                            /** @enum {string} */
                            type: "add_tags";
                            tags: string[];
                        } | {
                            /** @enum {string} */
                            type: "remove_tags";
                            tags: string[];
                        } | {
                            /** @enum {string} */
                            type: "add_note";
                            body: string;
                        } | {
                            /** @enum {string} */
                            type: "change_type";
                            typeKey: string | null;
                        } | {
                            /** @enum {string} */
                            type: "create_follow_up";
                            subject: string;
                            /** @default  */
                            description?: string;
                            /** @default null */
                            teamId?: string | null;
                        } | {
                            /** @enum {string} */
                            type: "notify";
                            recipients: {
                                /** @default [] */
                                userIds?: string[];
                                /** @default [] */
                                teamIds?: string[];
                                /** @default [] */
                                roles?: ("admin" | "supervisor" | "agent" | "field_engineer")[];
                                /** @default false */
                                assignee?: boolean;
                                /** @default false */
                                teamMembers?: boolean;
                                /** @default false */
                                requester?: boolean;
                            };
                            texts: {
                                "zh-CN": string;
                                en: string;
                            };
                        } | {
                            /** @enum {string} */
                            type: "webhook";
                            /** Format: uuid */
                            endpointId: string;
                            eventType: string;
                        } | {
                            /** @enum {string} */
                            type: "reply";
                            body: string;
                            /** @default false */
                            internal?: boolean;
                        } | {
                            /** @enum {string} */
                            type: "apply_sla_policy";
                            /** Format: uuid */
                            policyId: string;
                        })[];
                        /** @default false */
                        stopAfter?: boolean;
                        /** @default true */
                        enabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "event" | "time";
                            name: string;
                            description: string;
                            triggers: ("ticket.created" | "ticket.updated" | "customer.replied" | "agent.replied" | "note.added" | "sla.warning" | "sla.breached" | "survey.answered")[];
                            timeTrigger: {
                                /** @enum {string} */
                                anchor: "status" | "unassigned" | "created" | "customer_replied" | "agent_replied";
                                /** @enum {string} */
                                status?: "new" | "open" | "pending" | "resolved" | "closed";
                                amount: number;
                                /** @enum {string} */
                                unit: "minutes" | "hours" | "business_minutes" | "business_hours" | "business_days";
                                /** Format: uuid */
                                calendarId?: string;
                            } | null;
                            conditions: unknown;
                            actions: ({
                                /** @enum {string} */
                                type: "set_field";
                                field: ("status" | "priority" | "category" | "subject") | string;
                                value: string | number | boolean | string[] | null;
                            } | {
                                /** @enum {string} */
                                type: "assign_user";
                                /** Format: uuid */
                                userId: string;
                            } | {
                                /** @enum {string} */
                                type: "assign_team";
                                /** Format: uuid */
                                teamId: string;
                            } | {
                                /** @enum {string} */
                                type: "add_tags";
                                tags: string[];
                            } | {
                                /** @enum {string} */
                                type: "remove_tags";
                                tags: string[];
                            } | {
                                /** @enum {string} */
                                type: "add_note";
                                body: string;
                            } | {
                                /** @enum {string} */
                                type: "change_type";
                                typeKey: string | null;
                            } | {
                                /** @enum {string} */
                                type: "create_follow_up";
                                subject: string;
                                /** @default  */
                                description: string;
                                /** @default null */
                                teamId: string | null;
                            } | {
                                /** @enum {string} */
                                type: "notify";
                                recipients: {
                                    /** @default [] */
                                    userIds: string[];
                                    /** @default [] */
                                    teamIds: string[];
                                    /** @default [] */
                                    roles: ("admin" | "supervisor" | "agent" | "field_engineer")[];
                                    /** @default false */
                                    assignee: boolean;
                                    /** @default false */
                                    teamMembers: boolean;
                                    /** @default false */
                                    requester: boolean;
                                };
                                texts: {
                                    "zh-CN": string;
                                    en: string;
                                };
                            } | {
                                /** @enum {string} */
                                type: "webhook";
                                /** Format: uuid */
                                endpointId: string;
                                eventType: string;
                            } | {
                                /** @enum {string} */
                                type: "reply";
                                body: string;
                                /** @default false */
                                internal: boolean;
                            } | {
                                /** @enum {string} */
                                type: "apply_sla_policy";
                                /** Format: uuid */
                                policyId: string;
                            })[];
                            position: number;
                            stopAfter: boolean;
                            enabled: boolean;
                            version: number;
                            createdBy: string | null;
                            updatedBy: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 自动化规则 An automation rule
         * @description The `ETag` header carries the version for `If-Match`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "event" | "time";
                            name: string;
                            description: string;
                            triggers: ("ticket.created" | "ticket.updated" | "customer.replied" | "agent.replied" | "note.added" | "sla.warning" | "sla.breached" | "survey.answered")[];
                            timeTrigger: {
                                /** @enum {string} */
                                anchor: "status" | "unassigned" | "created" | "customer_replied" | "agent_replied";
                                /** @enum {string} */
                                status?: "new" | "open" | "pending" | "resolved" | "closed";
                                amount: number;
                                /** @enum {string} */
                                unit: "minutes" | "hours" | "business_minutes" | "business_hours" | "business_days";
                                /** Format: uuid */
                                calendarId?: string;
                            } | null;
                            conditions: unknown;
                            actions: ({
                                /** @enum {string} */
                                type: "set_field";
                                field: ("status" | "priority" | "category" | "subject") | string;
                                value: string | number | boolean | string[] | null;
                            } | {
                                /** @enum {string} */
                                type: "assign_user";
                                /** Format: uuid */
                                userId: string;
                            } | {
                                /** @enum {string} */
                                type: "assign_team";
                                /** Format: uuid */
                                teamId: string;
                            } | {
                                /** @enum {string} */
                                type: "add_tags";
                                tags: string[];
                            } | {
                                /** @enum {string} */
                                type: "remove_tags";
                                tags: string[];
                            } | {
                                /** @enum {string} */
                                type: "add_note";
                                body: string;
                            } | {
                                /** @enum {string} */
                                type: "change_type";
                                typeKey: string | null;
                            } | {
                                /** @enum {string} */
                                type: "create_follow_up";
                                subject: string;
                                /** @default  */
                                description: string;
                                /** @default null */
                                teamId: string | null;
                            } | {
                                /** @enum {string} */
                                type: "notify";
                                recipients: {
                                    /** @default [] */
                                    userIds: string[];
                                    /** @default [] */
                                    teamIds: string[];
                                    /** @default [] */
                                    roles: ("admin" | "supervisor" | "agent" | "field_engineer")[];
                                    /** @default false */
                                    assignee: boolean;
                                    /** @default false */
                                    teamMembers: boolean;
                                    /** @default false */
                                    requester: boolean;
                                };
                                texts: {
                                    "zh-CN": string;
                                    en: string;
                                };
                            } | {
                                /** @enum {string} */
                                type: "webhook";
                                /** Format: uuid */
                                endpointId: string;
                                eventType: string;
                            } | {
                                /** @enum {string} */
                                type: "reply";
                                body: string;
                                /** @default false */
                                internal: boolean;
                            } | {
                                /** @enum {string} */
                                type: "apply_sla_policy";
                                /** Format: uuid */
                                policyId: string;
                            })[];
                            position: number;
                            stopAfter: boolean;
                            enabled: boolean;
                            version: number;
                            createdBy: string | null;
                            updatedBy: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * 删除自动化规则 Delete a rule
         * @description Its versions and firings stay. An optional `If-Match` guards against deleting a rule someone just changed.
         */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * 修改自动化规则 Update a rule
         * @description Requires `If-Match: "<version>"` (428 without it; 412 when stale). Fields sent replace the stored ones whole; each change is a new version (`GET /rules/{id}/versions`).
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        description?: string;
                        /** @enum {string} */
                        kind?: "event" | "time";
                        triggers?: ("ticket.created" | "ticket.updated" | "customer.replied" | "agent.replied" | "note.added" | "sla.warning" | "sla.breached" | "survey.answered")[];
                        timeTrigger?: {
                            /** @enum {string} */
                            anchor: "status" | "unassigned" | "created" | "customer_replied" | "agent_replied";
                            /** @enum {string} */
                            status?: "new" | "open" | "pending" | "resolved" | "closed";
                            amount: number;
                            /** @enum {string} */
                            unit: "minutes" | "hours" | "business_minutes" | "business_hours" | "business_days";
                            /** Format: uuid */
                            calendarId?: string;
                        } | null;
                        conditions?: unknown;
                        actions?: ({
                            /** @enum {string} */
                            type: "set_field";
                            field: ("status" | "priority" | "category" | "subject") | string;
                            value: string | number | boolean | string[] | null;
                        } | {
                            /** @enum {string} */
                            type: "assign_user";
                            /** Format: uuid */
                            userId: string;
                        } | {
                            /** @enum {string} */
                            type: "assign_team";
                            /** Format: uuid */
                            teamId: string;
                        } | {
                            /** @enum {string} */
                            type: "add_tags";
                            tags: string[];
                        } | {
                            /** @enum {string} */
                            type: "remove_tags";
                            tags: string[];
                        } | {
                            /** @enum {string} */
                            type: "add_note";
                            body: string;
                        } | {
                            /** @enum {string} */
                            type: "change_type";
                            typeKey: string | null;
                        } | {
                            /** @enum {string} */
                            type: "create_follow_up";
                            subject: string;
                            /** @default  */
                            description?: string;
                            /** @default null */
                            teamId?: string | null;
                        } | {
                            /** @enum {string} */
                            type: "notify";
                            recipients: {
                                /** @default [] */
                                userIds?: string[];
                                /** @default [] */
                                teamIds?: string[];
                                /** @default [] */
                                roles?: ("admin" | "supervisor" | "agent" | "field_engineer")[];
                                /** @default false */
                                assignee?: boolean;
                                /** @default false */
                                teamMembers?: boolean;
                                /** @default false */
                                requester?: boolean;
                            };
                            texts: {
                                "zh-CN": string;
                                en: string;
                            };
                        } | {
                            /** @enum {string} */
                            type: "webhook";
                            /** Format: uuid */
                            endpointId: string;
                            eventType: string;
                        } | {
                            /** @enum {string} */
                            type: "reply";
                            body: string;
                            /** @default false */
                            internal?: boolean;
                        } | {
                            /** @enum {string} */
                            type: "apply_sla_policy";
                            /** Format: uuid */
                            policyId: string;
                        })[];
                        stopAfter?: boolean;
                        enabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "event" | "time";
                            name: string;
                            description: string;
                            triggers: ("ticket.created" | "ticket.updated" | "customer.replied" | "agent.replied" | "note.added" | "sla.warning" | "sla.breached" | "survey.answered")[];
                            timeTrigger: {
                                /** @enum {string} */
                                anchor: "status" | "unassigned" | "created" | "customer_replied" | "agent_replied";
                                /** @enum {string} */
                                status?: "new" | "open" | "pending" | "resolved" | "closed";
                                amount: number;
                                /** @enum {string} */
                                unit: "minutes" | "hours" | "business_minutes" | "business_hours" | "business_days";
                                /** Format: uuid */
                                calendarId?: string;
                            } | null;
                            conditions: unknown;
                            actions: ({
                                /** @enum {string} */
                                type: "set_field";
                                field: ("status" | "priority" | "category" | "subject") | string;
                                value: string | number | boolean | string[] | null;
                            } | {
                                /** @enum {string} */
                                type: "assign_user";
                                /** Format: uuid */
                                userId: string;
                            } | {
                                /** @enum {string} */
                                type: "assign_team";
                                /** Format: uuid */
                                teamId: string;
                            } | {
                                /** @enum {string} */
                                type: "add_tags";
                                tags: string[];
                            } | {
                                /** @enum {string} */
                                type: "remove_tags";
                                tags: string[];
                            } | {
                                /** @enum {string} */
                                type: "add_note";
                                body: string;
                            } | {
                                /** @enum {string} */
                                type: "change_type";
                                typeKey: string | null;
                            } | {
                                /** @enum {string} */
                                type: "create_follow_up";
                                subject: string;
                                /** @default  */
                                description: string;
                                /** @default null */
                                teamId: string | null;
                            } | {
                                /** @enum {string} */
                                type: "notify";
                                recipients: {
                                    /** @default [] */
                                    userIds: string[];
                                    /** @default [] */
                                    teamIds: string[];
                                    /** @default [] */
                                    roles: ("admin" | "supervisor" | "agent" | "field_engineer")[];
                                    /** @default false */
                                    assignee: boolean;
                                    /** @default false */
                                    teamMembers: boolean;
                                    /** @default false */
                                    requester: boolean;
                                };
                                texts: {
                                    "zh-CN": string;
                                    en: string;
                                };
                            } | {
                                /** @enum {string} */
                                type: "webhook";
                                /** Format: uuid */
                                endpointId: string;
                                eventType: string;
                            } | {
                                /** @enum {string} */
                                type: "reply";
                                body: string;
                                /** @default false */
                                internal: boolean;
                            } | {
                                /** @enum {string} */
                                type: "apply_sla_policy";
                                /** Format: uuid */
                                policyId: string;
                            })[];
                            position: number;
                            stopAfter: boolean;
                            enabled: boolean;
                            version: number;
                            createdBy: string | null;
                            updatedBy: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/rules/{id}/enabled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * 启用或停用规则 Enable or disable a rule
         * @description Requires `If-Match` like PATCH; a new version.
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "event" | "time";
                            name: string;
                            description: string;
                            triggers: ("ticket.created" | "ticket.updated" | "customer.replied" | "agent.replied" | "note.added" | "sla.warning" | "sla.breached" | "survey.answered")[];
                            timeTrigger: {
                                /** @enum {string} */
                                anchor: "status" | "unassigned" | "created" | "customer_replied" | "agent_replied";
                                /** @enum {string} */
                                status?: "new" | "open" | "pending" | "resolved" | "closed";
                                amount: number;
                                /** @enum {string} */
                                unit: "minutes" | "hours" | "business_minutes" | "business_hours" | "business_days";
                                /** Format: uuid */
                                calendarId?: string;
                            } | null;
                            conditions: unknown;
                            actions: ({
                                /** @enum {string} */
                                type: "set_field";
                                field: ("status" | "priority" | "category" | "subject") | string;
                                value: string | number | boolean | string[] | null;
                            } | {
                                /** @enum {string} */
                                type: "assign_user";
                                /** Format: uuid */
                                userId: string;
                            } | {
                                /** @enum {string} */
                                type: "assign_team";
                                /** Format: uuid */
                                teamId: string;
                            } | {
                                /** @enum {string} */
                                type: "add_tags";
                                tags: string[];
                            } | {
                                /** @enum {string} */
                                type: "remove_tags";
                                tags: string[];
                            } | {
                                /** @enum {string} */
                                type: "add_note";
                                body: string;
                            } | {
                                /** @enum {string} */
                                type: "change_type";
                                typeKey: string | null;
                            } | {
                                /** @enum {string} */
                                type: "create_follow_up";
                                subject: string;
                                /** @default  */
                                description: string;
                                /** @default null */
                                teamId: string | null;
                            } | {
                                /** @enum {string} */
                                type: "notify";
                                recipients: {
                                    /** @default [] */
                                    userIds: string[];
                                    /** @default [] */
                                    teamIds: string[];
                                    /** @default [] */
                                    roles: ("admin" | "supervisor" | "agent" | "field_engineer")[];
                                    /** @default false */
                                    assignee: boolean;
                                    /** @default false */
                                    teamMembers: boolean;
                                    /** @default false */
                                    requester: boolean;
                                };
                                texts: {
                                    "zh-CN": string;
                                    en: string;
                                };
                            } | {
                                /** @enum {string} */
                                type: "webhook";
                                /** Format: uuid */
                                endpointId: string;
                                eventType: string;
                            } | {
                                /** @enum {string} */
                                type: "reply";
                                body: string;
                                /** @default false */
                                internal: boolean;
                            } | {
                                /** @enum {string} */
                                type: "apply_sla_policy";
                                /** Format: uuid */
                                policyId: string;
                            })[];
                            position: number;
                            stopAfter: boolean;
                            enabled: boolean;
                            version: number;
                            createdBy: string | null;
                            updatedBy: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/reorder": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 调整规则顺序 Reorder the rules
         * @description `ids` must name every rule exactly once (400 at `ids` otherwise). Answers the list in its new order.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ids: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "event" | "time";
                                name: string;
                                description: string;
                                triggers: ("ticket.created" | "ticket.updated" | "customer.replied" | "agent.replied" | "note.added" | "sla.warning" | "sla.breached" | "survey.answered")[];
                                timeTrigger: {
                                    /** @enum {string} */
                                    anchor: "status" | "unassigned" | "created" | "customer_replied" | "agent_replied";
                                    /** @enum {string} */
                                    status?: "new" | "open" | "pending" | "resolved" | "closed";
                                    amount: number;
                                    /** @enum {string} */
                                    unit: "minutes" | "hours" | "business_minutes" | "business_hours" | "business_days";
                                    /** Format: uuid */
                                    calendarId?: string;
                                } | null;
                                conditions: unknown;
                                actions: ({
                                    /** @enum {string} */
                                    type: "set_field";
                                    field: ("status" | "priority" | "category" | "subject") | string;
                                    value: string | number | boolean | string[] | null;
                                } | {
                                    /** @enum {string} */
                                    type: "assign_user";
                                    /** Format: uuid */
                                    userId: string;
                                } | {
                                    /** @enum {string} */
                                    type: "assign_team";
                                    /** Format: uuid */
                                    teamId: string;
                                } | {
                                    /** @enum {string} */
                                    type: "add_tags";
                                    tags: string[];
                                } | {
                                    /** @enum {string} */
                                    type: "remove_tags";
                                    tags: string[];
                                } | {
                                    /** @enum {string} */
                                    type: "add_note";
                                    body: string;
                                } | {
                                    /** @enum {string} */
                                    type: "change_type";
                                    typeKey: string | null;
                                } | {
                                    /** @enum {string} */
                                    type: "create_follow_up";
                                    subject: string;
                                    /** @default  */
                                    description: string;
                                    /** @default null */
                                    teamId: string | null;
                                } | {
                                    /** @enum {string} */
                                    type: "notify";
                                    recipients: {
                                        /** @default [] */
                                        userIds: string[];
                                        /** @default [] */
                                        teamIds: string[];
                                        /** @default [] */
                                        roles: ("admin" | "supervisor" | "agent" | "field_engineer")[];
                                        /** @default false */
                                        assignee: boolean;
                                        /** @default false */
                                        teamMembers: boolean;
                                        /** @default false */
                                        requester: boolean;
                                    };
                                    texts: {
                                        "zh-CN": string;
                                        en: string;
                                    };
                                } | {
                                    /** @enum {string} */
                                    type: "webhook";
                                    /** Format: uuid */
                                    endpointId: string;
                                    eventType: string;
                                } | {
                                    /** @enum {string} */
                                    type: "reply";
                                    body: string;
                                    /** @default false */
                                    internal: boolean;
                                } | {
                                    /** @enum {string} */
                                    type: "apply_sla_policy";
                                    /** Format: uuid */
                                    policyId: string;
                                })[];
                                position: number;
                                stopAfter: boolean;
                                enabled: boolean;
                                version: number;
                                createdBy: string | null;
                                updatedBy: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 规则可用字段 Fields a rule condition may name
         * @description Built-in and custom ticket fields (`fields.<key>`), the ticket type, requester and organisation facts and the event time, with their options. `queryable: false` fields are judged when a rule fires but cannot be previewed.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                key: string;
                                label: {
                                    "zh-CN": string;
                                    en: string;
                                };
                                type: string;
                                options?: {
                                    value: string;
                                }[];
                                source: string;
                                queryable: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 预览规则条件 Preview what a condition matches now
         * @description `{count, sample}`: the tickets you may see that satisfy the condition now, and the newest ten. Leaves that only a firing can judge (`changed*`, `within_business_hours`, requester/organisation/type facts) answer 422 naming each leaf (`errors[].path`), never dropped.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        conditions: unknown;
                        triggers?: ("ticket.created" | "ticket.updated" | "customer.replied" | "agent.replied" | "note.added" | "sla.warning" | "sla.breached" | "survey.answered")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            count: number;
                            sample: {
                                /** Format: uuid */
                                id: string;
                                number: string;
                                subject: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/explain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 在工单上测试规则 Test an unsaved rule on a ticket
         * @description Each condition leaf’s result on the ticket as it is now, whether the rule would fire and which actions would run. Nothing runs.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ticketId: string;
                        rule?: {
                            /** @default [] */
                            triggers?: ("ticket.created" | "ticket.updated" | "customer.replied" | "agent.replied" | "note.added" | "sla.warning" | "sla.breached" | "survey.answered")[];
                            conditions: unknown;
                            actions: ({
                                /** @enum {string} */
                                type: "set_field";
                                field: ("status" | "priority" | "category" | "subject") | string;
                                value: string | number | boolean | string[] | null;
                            } | {
                                /** @enum {string} */
                                type: "assign_user";
                                /** Format: uuid */
                                userId: string;
                            } | {
                                /** @enum {string} */
                                type: "assign_team";
                                /** Format: uuid */
                                teamId: string;
                            } | {
                                /** @enum {string} */
                                type: "add_tags";
                                tags: string[];
                            } | {
                                /** @enum {string} */
                                type: "remove_tags";
                                tags: string[];
                            } | {
                                /** @enum {string} */
                                type: "add_note";
                                body: string;
                            } | {
                                /** @enum {string} */
                                type: "change_type";
                                typeKey: string | null;
                            } | {
                                /** @enum {string} */
                                type: "create_follow_up";
                                subject: string;
                                /** @default  */
                                description?: string;
                                /** @default null */
                                teamId?: string | null;
                            } | {
                                /** @enum {string} */
                                type: "notify";
                                recipients: {
                                    /** @default [] */
                                    userIds?: string[];
                                    /** @default [] */
                                    teamIds?: string[];
                                    /** @default [] */
                                    roles?: ("admin" | "supervisor" | "agent" | "field_engineer")[];
                                    /** @default false */
                                    assignee?: boolean;
                                    /** @default false */
                                    teamMembers?: boolean;
                                    /** @default false */
                                    requester?: boolean;
                                };
                                texts: {
                                    "zh-CN": string;
                                    en: string;
                                };
                            } | {
                                /** @enum {string} */
                                type: "webhook";
                                /** Format: uuid */
                                endpointId: string;
                                eventType: string;
                            } | {
                                /** @enum {string} */
                                type: "reply";
                                body: string;
                                /** @default false */
                                internal?: boolean;
                            } | {
                                /** @enum {string} */
                                type: "apply_sla_policy";
                                /** Format: uuid */
                                policyId: string;
                            })[];
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ticket: {
                                /** Format: uuid */
                                id: string;
                                number: string;
                            };
                            matches: boolean;
                            leaves: {
                                path: string;
                                field: string;
                                op: string;
                                result: boolean;
                                reason?: string;
                            }[];
                            actions: ({
                                /** @enum {string} */
                                type: "set_field";
                                field: ("status" | "priority" | "category" | "subject") | string;
                                value: string | number | boolean | string[] | null;
                            } | {
                                /** @enum {string} */
                                type: "assign_user";
                                /** Format: uuid */
                                userId: string;
                            } | {
                                /** @enum {string} */
                                type: "assign_team";
                                /** Format: uuid */
                                teamId: string;
                            } | {
                                /** @enum {string} */
                                type: "add_tags";
                                tags: string[];
                            } | {
                                /** @enum {string} */
                                type: "remove_tags";
                                tags: string[];
                            } | {
                                /** @enum {string} */
                                type: "add_note";
                                body: string;
                            } | {
                                /** @enum {string} */
                                type: "change_type";
                                typeKey: string | null;
                            } | {
                                /** @enum {string} */
                                type: "create_follow_up";
                                subject: string;
                                /** @default  */
                                description: string;
                                /** @default null */
                                teamId: string | null;
                            } | {
                                /** @enum {string} */
                                type: "notify";
                                recipients: {
                                    /** @default [] */
                                    userIds: string[];
                                    /** @default [] */
                                    teamIds: string[];
                                    /** @default [] */
                                    roles: ("admin" | "supervisor" | "agent" | "field_engineer")[];
                                    /** @default false */
                                    assignee: boolean;
                                    /** @default false */
                                    teamMembers: boolean;
                                    /** @default false */
                                    requester: boolean;
                                };
                                texts: {
                                    "zh-CN": string;
                                    en: string;
                                };
                            } | {
                                /** @enum {string} */
                                type: "webhook";
                                /** Format: uuid */
                                endpointId: string;
                                eventType: string;
                            } | {
                                /** @enum {string} */
                                type: "reply";
                                body: string;
                                /** @default false */
                                internal: boolean;
                            } | {
                                /** @enum {string} */
                                type: "apply_sla_policy";
                                /** Format: uuid */
                                policyId: string;
                            })[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/{id}/explain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 在工单上测试已保存的规则 Test a saved rule on a ticket
         * @description As `/rules/explain`, with the stored rule.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ticketId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ticket: {
                                /** Format: uuid */
                                id: string;
                                number: string;
                            };
                            matches: boolean;
                            leaves: {
                                path: string;
                                field: string;
                                op: string;
                                result: boolean;
                                reason?: string;
                            }[];
                            actions: ({
                                /** @enum {string} */
                                type: "set_field";
                                field: ("status" | "priority" | "category" | "subject") | string;
                                value: string | number | boolean | string[] | null;
                            } | {
                                /** @enum {string} */
                                type: "assign_user";
                                /** Format: uuid */
                                userId: string;
                            } | {
                                /** @enum {string} */
                                type: "assign_team";
                                /** Format: uuid */
                                teamId: string;
                            } | {
                                /** @enum {string} */
                                type: "add_tags";
                                tags: string[];
                            } | {
                                /** @enum {string} */
                                type: "remove_tags";
                                tags: string[];
                            } | {
                                /** @enum {string} */
                                type: "add_note";
                                body: string;
                            } | {
                                /** @enum {string} */
                                type: "change_type";
                                typeKey: string | null;
                            } | {
                                /** @enum {string} */
                                type: "create_follow_up";
                                subject: string;
                                /** @default  */
                                description: string;
                                /** @default null */
                                teamId: string | null;
                            } | {
                                /** @enum {string} */
                                type: "notify";
                                recipients: {
                                    /** @default [] */
                                    userIds: string[];
                                    /** @default [] */
                                    teamIds: string[];
                                    /** @default [] */
                                    roles: ("admin" | "supervisor" | "agent" | "field_engineer")[];
                                    /** @default false */
                                    assignee: boolean;
                                    /** @default false */
                                    teamMembers: boolean;
                                    /** @default false */
                                    requester: boolean;
                                };
                                texts: {
                                    "zh-CN": string;
                                    en: string;
                                };
                            } | {
                                /** @enum {string} */
                                type: "webhook";
                                /** Format: uuid */
                                endpointId: string;
                                eventType: string;
                            } | {
                                /** @enum {string} */
                                type: "reply";
                                body: string;
                                /** @default false */
                                internal: boolean;
                            } | {
                                /** @enum {string} */
                                type: "apply_sla_policy";
                                /** Format: uuid */
                                policyId: string;
                            })[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 规则版本 A rule’s versions, newest first
         * @description One immutable snapshot per save: who, when, which fields. Paginated with `before`.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    before?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                ruleId: string;
                                version: number;
                                change: string;
                                fields: string[];
                                snapshot: {
                                    [key: string]: unknown;
                                };
                                actorId: string | null;
                                /** Format: date-time */
                                at: string;
                            }[];
                            /** Format: uuid */
                            nextBefore?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/{id}/backfill": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 定时规则补算进度 A time rule’s backfill
         * @description The latest backfill (补算) of a time rule: the tickets already holding its anchor when it was created, enabled or re-anchored get their due rows, a page at a time. `backfill` is null for a rule that never had one (an event rule).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            backfill: {
                                ruleVersion: number;
                                /** @enum {string} */
                                state: "running" | "done" | "stopped";
                                scanned: number;
                                added: number;
                                startedAt: string;
                                finishedAt: string | null;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/{id}/firings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 规则触发记录 A rule’s firings, newest first
         * @description Rule version, ticket, event and its cause, each action’s outcome, error, duration. Paginated with `before`.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    before?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                ruleId: string;
                                ruleVersion: number;
                                /** Format: uuid */
                                ticketId: string;
                                eventId: number;
                                eventType: string;
                                eventCause: string;
                                depth: number;
                                status: string;
                                actions: {
                                    type: string;
                                    ok: boolean;
                                    detail?: {
                                        [key: string]: unknown;
                                    };
                                    error?: string;
                                }[];
                                error: string | null;
                                errorText: string | null;
                                durationMs: number | null;
                                /** Format: date-time */
                                firedAt: string;
                                dueAt: string | null;
                            }[];
                            /** Format: uuid */
                            nextBefore?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rule-firings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 全部规则触发记录 Every rule’s firings, newest first
         * @description Optionally of one ticket (`ticketId`). Paginated with `before`.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    before?: string;
                    ticketId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                ruleId: string;
                                ruleVersion: number;
                                /** Format: uuid */
                                ticketId: string;
                                eventId: number;
                                eventType: string;
                                eventCause: string;
                                depth: number;
                                status: string;
                                actions: {
                                    type: string;
                                    ok: boolean;
                                    detail?: {
                                        [key: string]: unknown;
                                    };
                                    error?: string;
                                }[];
                                error: string | null;
                                errorText: string | null;
                                durationMs: number | null;
                                /** Format: date-time */
                                firedAt: string;
                                dueAt: string | null;
                            }[];
                            /** Format: uuid */
                            nextBefore?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rule-names": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 规则名称 Names of rules
         * @description Kept for existing clients: the console asks `GET /actor-names`, which names every system actor (rules as kind `rule:<id>`). What the ticket timeline names a `rule:<id>` change by ("规则「VIP 升级」将优先级改为 紧急"). Unknown ids (deleted rules) are left out.
         */
        get: {
            parameters: {
                query: {
                    ids: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的状态 My status */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "online" | "busy" | "away" | "offline";
                            paused: boolean;
                            /** Format: date-time */
                            statusChangedAt: string;
                        };
                    };
                };
            };
        };
        /**
         * 设置我的状态 Set my status
         * @description 在线 online / 忙碌 busy / 离开 away / 离线 offline. Only 在线 agents who are not paused receive tickets.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "online" | "busy" | "away" | "offline";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "online" | "busy" | "away" | "offline";
                            paused: boolean;
                            /** Format: date-time */
                            statusChangedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/status/heartbeat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 在线心跳 Heartbeat
         * @description Sent by an open console every minute: without it 在线 turns 离开 after 10 minutes and 离线 after 30.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/teams/{id}/assignment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 团队分配设置 Team assignment settings */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            teamId: string;
                            /** @enum {string} */
                            strategy: "off" | "round_robin" | "least_open" | "skills" | "weighted";
                            skillFields: string[];
                            reassignAfterMinutes: number | null;
                            calendarId: string | null;
                            version: number;
                            updatedAt: string | null;
                            queued: number;
                        };
                    };
                };
            };
        };
        /**
         * 修改团队分配设置 Update team assignment settings
         * @description Any subset. `If-Match: "<version>"` optional ("0" before the first save; 412 when stale).
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        strategy?: "off" | "round_robin" | "least_open" | "skills" | "weighted";
                        skillFields?: string[];
                        reassignAfterMinutes?: number | null;
                        calendarId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            teamId: string;
                            /** @enum {string} */
                            strategy: "off" | "round_robin" | "least_open" | "skills" | "weighted";
                            skillFields: string[];
                            reassignAfterMinutes: number | null;
                            calendarId: string | null;
                            version: number;
                            updatedAt: string | null;
                            queued: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/assignment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 坐席分配资料 Agent assignment profile */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            userId: string;
                            name: string;
                            /** @enum {string} */
                            status: "online" | "busy" | "away" | "offline";
                            /** Format: date-time */
                            statusChangedAt: string;
                            lastSeenAt: string | null;
                            paused: boolean;
                            capacity: number;
                            /** @description The chat limit of a chat channel without one of its own. */
                            chatCapacity: number;
                            weight: number;
                            skills: {
                                [key: string]: string[];
                            };
                            openCount: number;
                            /** @description Chat limits of their own by chat channel; a channel left out takes `chatCapacity`. */
                            chatCapacities: {
                                [key: string]: number;
                            };
                            /** @description Open chats of every chat channel (wechat, wecom, dingtalk), 0 where none. */
                            chatCounts: {
                                [key: string]: number;
                            };
                            weeklyShifts: {
                                start: string;
                                end: string;
                            }[][] | null;
                            version: number;
                        };
                    };
                };
            };
        };
        /** 修改坐席分配资料 Update capacity, weight, skills, shifts */
        put: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        capacity?: number;
                        chatCapacity?: number;
                        chatCapacities?: {
                            wechat?: number;
                            wecom?: number;
                            dingtalk?: number;
                        };
                        weight?: number;
                        skills?: {
                            [key: string]: string[];
                        };
                        weeklyShifts?: [
                            {
                                start: string;
                                end: string;
                            }[],
                            {
                                start: string;
                                end: string;
                            }[],
                            {
                                start: string;
                                end: string;
                            }[],
                            {
                                start: string;
                                end: string;
                            }[],
                            {
                                start: string;
                                end: string;
                            }[],
                            {
                                start: string;
                                end: string;
                            }[],
                            {
                                start: string;
                                end: string;
                            }[]
                        ] | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            userId: string;
                            name: string;
                            /** @enum {string} */
                            status: "online" | "busy" | "away" | "offline";
                            /** Format: date-time */
                            statusChangedAt: string;
                            lastSeenAt: string | null;
                            paused: boolean;
                            capacity: number;
                            /** @description The chat limit of a chat channel without one of its own. */
                            chatCapacity: number;
                            weight: number;
                            skills: {
                                [key: string]: string[];
                            };
                            openCount: number;
                            /** @description Chat limits of their own by chat channel; a channel left out takes `chatCapacity`. */
                            chatCapacities: {
                                [key: string]: number;
                            };
                            /** @description Open chats of every chat channel (wechat, wecom, dingtalk), 0 where none. */
                            chatCounts: {
                                [key: string]: number;
                            };
                            weeklyShifts: {
                                start: string;
                                end: string;
                            }[][] | null;
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/skills": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 坐席技能 Agent skills */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            skills: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        /**
         * 修改坐席技能 Set agent skills
         * @description Values by ticket field (`priority`, `channel`, `categoryId`, `fields.<key>`), e.g. `{"fields.language": ["en"]}`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        skills: {
                            [key: string]: string[];
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            skills: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/shifts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 排班 Shifts
         * @description The weekly pattern (Sunday first; null: always on shift) and exceptions (leave, extra shifts) not yet over.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            weekly: {
                                start: string;
                                end: string;
                            }[][] | null;
                            exceptions: {
                                id: string;
                                userId: string;
                                /** @enum {string} */
                                kind: "leave" | "extra";
                                /** Format: date-time */
                                startsAt: string;
                                /** Format: date-time */
                                endsAt: string;
                                note: string;
                            }[];
                        };
                    };
                };
            };
        };
        /** 修改排班 Set the weekly shifts */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        weekly: [
                            {
                                start: string;
                                end: string;
                            }[],
                            {
                                start: string;
                                end: string;
                            }[],
                            {
                                start: string;
                                end: string;
                            }[],
                            {
                                start: string;
                                end: string;
                            }[],
                            {
                                start: string;
                                end: string;
                            }[],
                            {
                                start: string;
                                end: string;
                            }[],
                            {
                                start: string;
                                end: string;
                            }[]
                        ] | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            weekly: {
                                start: string;
                                end: string;
                            }[][] | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/shift-exceptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 请假或加班 Add leave or an extra shift */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "leave" | "extra";
                        startsAt: unknown;
                        endsAt: unknown;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            userId: string;
                            /** @enum {string} */
                            kind: "leave" | "extra";
                            /** Format: date-time */
                            startsAt: string;
                            /** Format: date-time */
                            endsAt: string;
                            note: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/shift-exceptions/{exceptionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 删除请假或加班 Delete leave or an extra shift */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    exceptionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assignment/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 分配队列 Assignment queue
         * @description Tickets waiting for an agent, in the order they are handed out: most urgent first, then oldest.
         */
        get: {
            parameters: {
                query?: {
                    teamId?: string;
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                ticketId: string;
                                number: string;
                                subject: string;
                                teamId: string;
                                urgency: number;
                                /** @enum {string} */
                                reason: "new" | "reopened" | "reassign" | "unassigned";
                                /** Format: date-time */
                                queuedAt: string;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assignment/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 坐席状态与负载 Agents: status, load, capacity
         * @description Every member of the team (`teamId`), or of any team; agents who never set a status read 离线.
         */
        get: {
            parameters: {
                query?: {
                    teamId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                userId: string;
                                name: string;
                                /** @enum {string} */
                                status: "online" | "busy" | "away" | "offline";
                                /** Format: date-time */
                                statusChangedAt: string;
                                lastSeenAt: string | null;
                                paused: boolean;
                                capacity: number;
                                /** @description The chat limit of a chat channel without one of its own. */
                                chatCapacity: number;
                                weight: number;
                                skills: {
                                    [key: string]: string[];
                                };
                                openCount: number;
                                /** @description Chat limits of their own by chat channel; a channel left out takes `chatCapacity`. */
                                chatCapacities: {
                                    [key: string]: number;
                                };
                                /** @description Open chats of every chat channel (wechat, wecom, dingtalk), 0 where none. */
                                chatCounts: {
                                    [key: string]: number;
                                };
                                weeklyShifts: {
                                    start: string;
                                    end: string;
                                }[][] | null;
                                version: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assignment/agents/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 暂停分配 Pause an agent */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            userId: string;
                            name: string;
                            /** @enum {string} */
                            status: "online" | "busy" | "away" | "offline";
                            /** Format: date-time */
                            statusChangedAt: string;
                            lastSeenAt: string | null;
                            paused: boolean;
                            capacity: number;
                            /** @description The chat limit of a chat channel without one of its own. */
                            chatCapacity: number;
                            weight: number;
                            skills: {
                                [key: string]: string[];
                            };
                            openCount: number;
                            /** @description Chat limits of their own by chat channel; a channel left out takes `chatCapacity`. */
                            chatCapacities: {
                                [key: string]: number;
                            };
                            /** @description Open chats of every chat channel (wechat, wecom, dingtalk), 0 where none. */
                            chatCounts: {
                                [key: string]: number;
                            };
                            weeklyShifts: {
                                start: string;
                                end: string;
                            }[][] | null;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assignment/agents/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 恢复分配 Resume an agent */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            userId: string;
                            name: string;
                            /** @enum {string} */
                            status: "online" | "busy" | "away" | "offline";
                            /** Format: date-time */
                            statusChangedAt: string;
                            lastSeenAt: string | null;
                            paused: boolean;
                            capacity: number;
                            /** @description The chat limit of a chat channel without one of its own. */
                            chatCapacity: number;
                            weight: number;
                            skills: {
                                [key: string]: string[];
                            };
                            openCount: number;
                            /** @description Chat limits of their own by chat channel; a channel left out takes `chatCapacity`. */
                            chatCapacities: {
                                [key: string]: number;
                            };
                            /** @description Open chats of every chat channel (wechat, wecom, dingtalk), 0 where none. */
                            chatCounts: {
                                [key: string]: number;
                            };
                            weeklyShifts: {
                                start: string;
                                end: string;
                            }[][] | null;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/kpis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 报表指标 KPIs
         * @description Every KPI of docs/reports.md by name for facts in [from, to), in the reader's scope (admins: all; supervisors: their teams'; agents: their teams' and their own), one entry per group of `groupBy` (team, agent, channel, type, category, priority, field:<select key>; none: one group ""). Durations in seconds.
         */
        get: {
            parameters: {
                query: {
                    from: unknown;
                    to: unknown;
                    groupBy?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: string;
                            to: string;
                            groupBy: string | null;
                            groups: {
                                group: string;
                                volume: number;
                                backlog: number;
                                firstResponseTime: {
                                    calendar: {
                                        count: number;
                                        mean: number | null;
                                        median: number | null;
                                        p90: number | null;
                                    };
                                    business: {
                                        count: number;
                                        mean: number | null;
                                        median: number | null;
                                        p90: number | null;
                                    };
                                };
                                resolutionTime: {
                                    calendar: {
                                        count: number;
                                        mean: number | null;
                                        median: number | null;
                                        p90: number | null;
                                    };
                                    business: {
                                        count: number;
                                        mean: number | null;
                                        median: number | null;
                                        p90: number | null;
                                    };
                                };
                                fcr: {
                                    resolved: number;
                                    firstContact: number;
                                    rate: number | null;
                                };
                                reopenRate: {
                                    resolved: number;
                                    reopened: number;
                                    rate: number | null;
                                };
                                slaAttainment: {
                                    resolved: number;
                                    withinSla: number;
                                    rate: number | null;
                                };
                                csat: {
                                    answers: number;
                                    satisfied: number;
                                    score: number | null;
                                    mean: number | null;
                                    delivered: number;
                                    responseRate: number | null;
                                };
                                nps: {
                                    answers: number;
                                    promoters: number;
                                    detractors: number;
                                    score: number | null;
                                    delivered: number;
                                    responseRate: number | null;
                                };
                                workload: {
                                    agentId: string;
                                    open: number;
                                    resolved: number;
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/heatmap": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 到达热力图 Arrival heatmap
         * @description Tickets created in [from, to) by weekday (0 = Monday) × hour (0–23) in the reporting time zone: `counts[weekday][hour]`.
         */
        get: {
            parameters: {
                query: {
                    from: unknown;
                    to: unknown;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: string;
                            to: string;
                            timeZone: string;
                            counts: number[][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/drill": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 下钻到工单 Drill down
         * @description The tickets behind a number: facts of `measure` in [from, to) (one `group` of `groupBy` — and one `thenGroup` of `thenBy`, a report builder's second dimension —, or one heatmap cell `weekday` + `hour`), in the reader's report scope and ticket visibility, newest first, at most `limit`.
         */
        get: {
            parameters: {
                query: {
                    from: unknown;
                    to: unknown;
                    measure?: "created" | "reply.agent" | "reply.customer" | "first_response.calendar" | "first_response.business" | "resolved" | "resolution.calendar" | "resolution.business" | "reopened" | "status_changed" | "assigned" | "sla.breached" | "csat.delivered" | "csat.score" | "nps.delivered" | "nps.score";
                    groupBy?: string;
                    group?: string;
                    thenBy?: string;
                    thenGroup?: string;
                    weekday?: number;
                    hour?: number;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            truncated: boolean;
                            tickets: {
                                id: string;
                                number: string;
                                subject: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 服务经理·实时 Live dashboard
         * @description Today's arrivals (reporting time zone), open backlog by status, SLA breaches today, open breached tickets, agents' open load; in the reader's scope.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            todayStart: string;
                            incomingToday: number;
                            backlogByStatus: {
                                [key: string]: number;
                            };
                            breachedToday: number;
                            openBreached: number;
                            agentLoad: {
                                agentId: string;
                                open: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 报表设置 Report settings */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            timeZone: string;
                            version: number;
                        };
                    };
                };
            };
        };
        /**
         * 修改报表设置 Update report settings
         * @description The installation's reporting time zone (IANA). Changing it rebuilds the hourly and daily rollups from the facts.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        timeZone: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            timeZone: string;
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/kpis/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 导出指标 Export KPIs
         * @description The numbers GET /reports/kpis answers for the same range and `groupBy`, one row per group (seconds; rates as fractions). `format=xlsx` (default) or `csv` (UTF-8 with a byte order mark, so Excel shows Chinese); headers in the reader's language; cells a spreadsheet would run as a formula get a leading apostrophe. Recorded as `report.exported`.
         */
        get: {
            parameters: {
                query: {
                    from: unknown;
                    to: unknown;
                    groupBy?: string;
                    format?: "csv" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/drill/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 导出下钻工单 Export a drill-down's tickets
         * @description The tickets GET /reports/drill lists for the same query (up to `limit`, at most 50 000), needing `tickets.export` like any ticket list. `format=xlsx` (default) or `csv` (UTF-8 with a byte order mark, so Excel shows Chinese); headers in the reader's language; cells a spreadsheet would run as a formula get a leading apostrophe. Recorded as `report.exported`.
         */
        get: {
            parameters: {
                query: {
                    from: unknown;
                    to: unknown;
                    measure?: "created" | "reply.agent" | "reply.customer" | "first_response.calendar" | "first_response.business" | "resolved" | "resolution.calendar" | "resolution.business" | "reopened" | "status_changed" | "assigned" | "sla.breached" | "csat.delivered" | "csat.score" | "nps.delivered" | "nps.score";
                    groupBy?: string;
                    group?: string;
                    thenBy?: string;
                    thenGroup?: string;
                    weekday?: number;
                    hour?: number;
                    limit?: number;
                    format?: "csv" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/saved/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 导出自定义报表 Export a saved report
         * @description The rows GET /reports/saved/{id}/result answers (the caller's scope), one column per dimension by name, the value in its unit and what it counts. `format=xlsx` (default) or `csv` (UTF-8 with a byte order mark, so Excel shows Chinese); headers in the reader's language; cells a spreadsheet would run as a formula get a leading apostrophe. Recorded as `report.exported`.
         */
        get: {
            parameters: {
                query?: {
                    format?: "csv" | "xlsx";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/saved": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 自定义报表列表 Saved reports
         * @description The saved reports the caller may see (their own, those shared with their role; admins all), newest first; `pinned=true` for the 管理层·趋势 dashboard's. `nextCursor` (null on the last page) goes back as `cursor`.
         */
        get: {
            parameters: {
                query?: {
                    pinned?: "true" | "false";
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                definition: {
                                    /** @enum {string} */
                                    measure: "volume" | "backlog" | "firstResponseTime" | "resolutionTime" | "fcr" | "reopenRate" | "slaAttainment" | "csat" | "nps";
                                    /** @enum {string} */
                                    statistic: "mean" | "median" | "p90";
                                    /** @enum {string} */
                                    clock: "business" | "calendar";
                                    dimensions: string[];
                                    filter?: unknown;
                                    range: {
                                        /** @enum {string} */
                                        last: "last7" | "last30" | "last90" | "thisMonth";
                                    } | {
                                        from: string;
                                        to: string;
                                    };
                                    /** @enum {string} */
                                    comparison: "none" | "previous";
                                    /** @enum {string} */
                                    chart: "table" | "bar" | "line" | "pie" | "pivot";
                                };
                                sharedRoles: ("admin" | "supervisor" | "agent" | "field_engineer")[];
                                pinned: boolean;
                                owner: {
                                    id: string;
                                    name: string;
                                };
                                version: number;
                                createdAt: string;
                                updatedAt: string;
                                schedule: {
                                    /** @enum {string} */
                                    frequency: "daily" | "weekly" | "monthly";
                                    at: string;
                                    weekday: number | null;
                                    monthDay: number | null;
                                    recipientUserIds: string[];
                                    recipientEmails: string[];
                                    dueAt: string;
                                    lastSentAt: string | null;
                                } | null;
                                abilities: {
                                    edit: boolean;
                                };
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * 保存报表 Save a report
         * @description A definition: `measure` (a KPI of docs/reports.md), `statistic` and `clock` for durations, up to two `dimensions` (team, agent, channel, type, category, priority, field:<select key>, time:day|week|month — at most one time bucket), `filter` (the condition language over those dimensions only: team, agent, channel, type, category, priority, fields.<key>; any other field is a 400 naming it), `range` (`{last: last7|last30|last90|thisMonth}` or `{from, to}`), `comparison` (none | previous) and `chart`. `sharedRoles`: the roles that may see it (they see their own scope's numbers). Recorded as `saved_report.changed`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        definition: {
                            /** @enum {string} */
                            measure: "volume" | "backlog" | "firstResponseTime" | "resolutionTime" | "fcr" | "reopenRate" | "slaAttainment" | "csat" | "nps";
                            /**
                             * @default median
                             * @enum {string}
                             */
                            statistic?: "mean" | "median" | "p90";
                            /**
                             * @default business
                             * @enum {string}
                             */
                            clock?: "business" | "calendar";
                            dimensions?: (("time:day" | "time:week" | "time:month") | string)[];
                            filter?: unknown;
                            range: {
                                /** @enum {string} */
                                last: "last7" | "last30" | "last90" | "thisMonth";
                            } | {
                                /** Format: date-time */
                                from: string;
                                /** Format: date-time */
                                to: string;
                            };
                            /**
                             * @default none
                             * @enum {string}
                             */
                            comparison?: "none" | "previous";
                            /**
                             * @default table
                             * @enum {string}
                             */
                            chart?: "table" | "bar" | "line" | "pie" | "pivot";
                        };
                        /** @default [] */
                        sharedRoles?: ("admin" | "supervisor" | "agent" | "field_engineer")[];
                        /** @default false */
                        pinned?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            definition: {
                                /** @enum {string} */
                                measure: "volume" | "backlog" | "firstResponseTime" | "resolutionTime" | "fcr" | "reopenRate" | "slaAttainment" | "csat" | "nps";
                                /** @enum {string} */
                                statistic: "mean" | "median" | "p90";
                                /** @enum {string} */
                                clock: "business" | "calendar";
                                dimensions: string[];
                                filter?: unknown;
                                range: {
                                    /** @enum {string} */
                                    last: "last7" | "last30" | "last90" | "thisMonth";
                                } | {
                                    from: string;
                                    to: string;
                                };
                                /** @enum {string} */
                                comparison: "none" | "previous";
                                /** @enum {string} */
                                chart: "table" | "bar" | "line" | "pie" | "pivot";
                            };
                            sharedRoles: ("admin" | "supervisor" | "agent" | "field_engineer")[];
                            pinned: boolean;
                            owner: {
                                id: string;
                                name: string;
                            };
                            version: number;
                            createdAt: string;
                            updatedAt: string;
                            schedule: {
                                /** @enum {string} */
                                frequency: "daily" | "weekly" | "monthly";
                                at: string;
                                weekday: number | null;
                                monthDay: number | null;
                                recipientUserIds: string[];
                                recipientEmails: string[];
                                dueAt: string;
                                lastSentAt: string | null;
                            } | null;
                            abilities: {
                                edit: boolean;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/dimensions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 报表维度 What a report may group and filter by
         * @description The builder's dimensions: team, agent, channel, type, category, priority, each select custom field of tickets (`field:<key>`) and the time buckets, named in the reader's language; `filterField` is the condition-language field a filter tests for it (null for a time bucket) and `options` the values it may pick, by name.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                key: string;
                                name: string;
                                filterField: string | null;
                                options: {
                                    value: string;
                                    label: string;
                                }[] | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/saved/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 报表定义 A saved report */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            definition: {
                                /** @enum {string} */
                                measure: "volume" | "backlog" | "firstResponseTime" | "resolutionTime" | "fcr" | "reopenRate" | "slaAttainment" | "csat" | "nps";
                                /** @enum {string} */
                                statistic: "mean" | "median" | "p90";
                                /** @enum {string} */
                                clock: "business" | "calendar";
                                dimensions: string[];
                                filter?: unknown;
                                range: {
                                    /** @enum {string} */
                                    last: "last7" | "last30" | "last90" | "thisMonth";
                                } | {
                                    from: string;
                                    to: string;
                                };
                                /** @enum {string} */
                                comparison: "none" | "previous";
                                /** @enum {string} */
                                chart: "table" | "bar" | "line" | "pie" | "pivot";
                            };
                            sharedRoles: ("admin" | "supervisor" | "agent" | "field_engineer")[];
                            pinned: boolean;
                            owner: {
                                id: string;
                                name: string;
                            };
                            version: number;
                            createdAt: string;
                            updatedAt: string;
                            schedule: {
                                /** @enum {string} */
                                frequency: "daily" | "weekly" | "monthly";
                                at: string;
                                weekday: number | null;
                                monthDay: number | null;
                                recipientUserIds: string[];
                                recipientEmails: string[];
                                dueAt: string;
                                lastSentAt: string | null;
                            } | null;
                            abilities: {
                                edit: boolean;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * 删除报表 Delete a saved report
         * @description Its owner or an admin; its schedule goes with it.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * 修改报表 Change a saved report
         * @description Its owner or an admin: name, definition, shared roles, pinned.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        definition?: {
                            /** @enum {string} */
                            measure: "volume" | "backlog" | "firstResponseTime" | "resolutionTime" | "fcr" | "reopenRate" | "slaAttainment" | "csat" | "nps";
                            /**
                             * @default median
                             * @enum {string}
                             */
                            statistic?: "mean" | "median" | "p90";
                            /**
                             * @default business
                             * @enum {string}
                             */
                            clock?: "business" | "calendar";
                            dimensions?: (("time:day" | "time:week" | "time:month") | string)[];
                            filter?: unknown;
                            range: {
                                /** @enum {string} */
                                last: "last7" | "last30" | "last90" | "thisMonth";
                            } | {
                                /** Format: date-time */
                                from: string;
                                /** Format: date-time */
                                to: string;
                            };
                            /**
                             * @default none
                             * @enum {string}
                             */
                            comparison?: "none" | "previous";
                            /**
                             * @default table
                             * @enum {string}
                             */
                            chart?: "table" | "bar" | "line" | "pie" | "pivot";
                        };
                        sharedRoles?: ("admin" | "supervisor" | "agent" | "field_engineer")[];
                        pinned?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            definition: {
                                /** @enum {string} */
                                measure: "volume" | "backlog" | "firstResponseTime" | "resolutionTime" | "fcr" | "reopenRate" | "slaAttainment" | "csat" | "nps";
                                /** @enum {string} */
                                statistic: "mean" | "median" | "p90";
                                /** @enum {string} */
                                clock: "business" | "calendar";
                                dimensions: string[];
                                filter?: unknown;
                                range: {
                                    /** @enum {string} */
                                    last: "last7" | "last30" | "last90" | "thisMonth";
                                } | {
                                    from: string;
                                    to: string;
                                };
                                /** @enum {string} */
                                comparison: "none" | "previous";
                                /** @enum {string} */
                                chart: "table" | "bar" | "line" | "pie" | "pivot";
                            };
                            sharedRoles: ("admin" | "supervisor" | "agent" | "field_engineer")[];
                            pinned: boolean;
                            owner: {
                                id: string;
                                name: string;
                            };
                            version: number;
                            createdAt: string;
                            updatedAt: string;
                            schedule: {
                                /** @enum {string} */
                                frequency: "daily" | "weekly" | "monthly";
                                at: string;
                                weekday: number | null;
                                monthDay: number | null;
                                recipientUserIds: string[];
                                recipientEmails: string[];
                                dueAt: string;
                                lastSentAt: string | null;
                            } | null;
                            abilities: {
                                edit: boolean;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/reports/saved/{id}/result": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 报表结果 A saved report's numbers
         * @description Computed now, in the caller's scope (admins: all; supervisors: their teams'; agents: their teams' and their own), from the KPI code of GET /reports/kpis. Values in `unit` (percent 0–100, minutes, counts or an NPS score), one decimal.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: string;
                            to: string;
                            previous: {
                                from: string;
                                to: string;
                            } | null;
                            timeZone: string;
                            /** @enum {string} */
                            unit: "count" | "percent" | "minutes" | "score";
                            dimensionNames: string[];
                            rows: {
                                keys: string[];
                                labels: string[];
                                value: number | null;
                                count: number;
                                previous?: number | null;
                                span?: {
                                    from: string;
                                    to: string;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/query": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 预览报表 Run an unsaved report
         * @description The builder's live preview. A definition: `measure` (a KPI of docs/reports.md), `statistic` and `clock` for durations, up to two `dimensions` (team, agent, channel, type, category, priority, field:<select key>, time:day|week|month — at most one time bucket), `filter` (the condition language over those dimensions only: team, agent, channel, type, category, priority, fields.<key>; any other field is a 400 naming it), `range` (`{last: last7|last30|last90|thisMonth}` or `{from, to}`), `comparison` (none | previous) and `chart`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        definition: {
                            /** @enum {string} */
                            measure: "volume" | "backlog" | "firstResponseTime" | "resolutionTime" | "fcr" | "reopenRate" | "slaAttainment" | "csat" | "nps";
                            /**
                             * @default median
                             * @enum {string}
                             */
                            statistic?: "mean" | "median" | "p90";
                            /**
                             * @default business
                             * @enum {string}
                             */
                            clock?: "business" | "calendar";
                            dimensions?: (("time:day" | "time:week" | "time:month") | string)[];
                            filter?: unknown;
                            range: {
                                /** @enum {string} */
                                last: "last7" | "last30" | "last90" | "thisMonth";
                            } | {
                                /** Format: date-time */
                                from: string;
                                /** Format: date-time */
                                to: string;
                            };
                            /**
                             * @default none
                             * @enum {string}
                             */
                            comparison?: "none" | "previous";
                            /**
                             * @default table
                             * @enum {string}
                             */
                            chart?: "table" | "bar" | "line" | "pie" | "pivot";
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: string;
                            to: string;
                            previous: {
                                from: string;
                                to: string;
                            } | null;
                            timeZone: string;
                            /** @enum {string} */
                            unit: "count" | "percent" | "minutes" | "score";
                            dimensionNames: string[];
                            rows: {
                                keys: string[];
                                labels: string[];
                                value: number | null;
                                count: number;
                                previous?: number | null;
                                span?: {
                                    from: string;
                                    to: string;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/saved/{id}/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * 定时发送 Schedule a report by email
         * @description Daily, weekly (`weekday` 1–7, Monday 1) or monthly (`monthDay` 1–28) at `at` (HH:MM, reporting time zone): an email with a summary table and the .xlsx to each recipient. Recipients: users who may see the report; `recipientEmails` (outside addresses) need reports.manage. The numbers are those of the scheduler's scope.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        frequency: "daily" | "weekly" | "monthly";
                        at: string;
                        weekday?: number;
                        monthDay?: number;
                        /** @default [] */
                        recipientUserIds?: string[];
                        /** @default [] */
                        recipientEmails?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            definition: {
                                /** @enum {string} */
                                measure: "volume" | "backlog" | "firstResponseTime" | "resolutionTime" | "fcr" | "reopenRate" | "slaAttainment" | "csat" | "nps";
                                /** @enum {string} */
                                statistic: "mean" | "median" | "p90";
                                /** @enum {string} */
                                clock: "business" | "calendar";
                                dimensions: string[];
                                filter?: unknown;
                                range: {
                                    /** @enum {string} */
                                    last: "last7" | "last30" | "last90" | "thisMonth";
                                } | {
                                    from: string;
                                    to: string;
                                };
                                /** @enum {string} */
                                comparison: "none" | "previous";
                                /** @enum {string} */
                                chart: "table" | "bar" | "line" | "pie" | "pivot";
                            };
                            sharedRoles: ("admin" | "supervisor" | "agent" | "field_engineer")[];
                            pinned: boolean;
                            owner: {
                                id: string;
                                name: string;
                            };
                            version: number;
                            createdAt: string;
                            updatedAt: string;
                            schedule: {
                                /** @enum {string} */
                                frequency: "daily" | "weekly" | "monthly";
                                at: string;
                                weekday: number | null;
                                monthDay: number | null;
                                recipientUserIds: string[];
                                recipientEmails: string[];
                                dueAt: string;
                                lastSentAt: string | null;
                            } | null;
                            abilities: {
                                edit: boolean;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        /** 取消定时发送 Stop a schedule */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 导入任务列表 List imports
         * @description Newest first; `nextCursor` (null on the last page) goes back as `cursor`.
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description What the file holds. Tickets: .csv/.xlsx (one row a ticket) or .jsonl (docs/migration.md, "JSON lines").
                                 * @enum {string}
                                 */
                                entity: "contacts" | "organisations" | "tickets";
                                /** @enum {string} */
                                state: "uploaded" | "running" | "done" | "failed";
                                fileName: string;
                                /** @enum {string} */
                                fileKind: "csv" | "xlsx" | "jsonl";
                                encoding: string;
                                byteSize: number;
                                headerRow: number;
                                headers: string[];
                                mapping: {
                                    column: number;
                                    header: string;
                                    target: string | null;
                                }[];
                                /** @description Per target (`fields.industry`), a source value → the value stored (e.g. an option key). */
                                valueMaps: {
                                    [key: string]: {
                                        [key: string]: string;
                                    };
                                };
                                /**
                                 * @description A row matching an existing record (phone, email, external id; organisations also by name): `create` rejects it as a duplicate, `skip` leaves the record, `update` overwrites with the row's values, `merge` fills only empty values and adds new identities.
                                 * @enum {string}
                                 */
                                dedupRule: "create" | "update" | "skip" | "merge";
                                settingsVersion: number;
                                checkpointRow: number;
                                counts: {
                                    created: number;
                                    updated: number;
                                    skipped: number;
                                    rejected: number;
                                };
                                totalRows: number | null;
                                dryRun: {
                                    settingsVersion: number;
                                    counts: {
                                        created: number;
                                        updated: number;
                                        skipped: number;
                                        rejected: number;
                                    };
                                } | null;
                                error: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                finishedAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * 上传文件，创建导入（multipart，字段 file）Upload a file to import (multipart field "file")
         * @description .xlsx or .csv (UTF-8 with or without BOM, or GBK/GB18030: detected). The header row is found and columns are mapped by name, or by the named template.
         */
        post: {
            parameters: {
                query: {
                    /** @description What the file holds. Tickets: .csv/.xlsx (one row a ticket) or .jsonl (docs/migration.md, "JSON lines"). */
                    entity: "contacts" | "organisations" | "tickets";
                    template?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description What the file holds. Tickets: .csv/.xlsx (one row a ticket) or .jsonl (docs/migration.md, "JSON lines").
                             * @enum {string}
                             */
                            entity: "contacts" | "organisations" | "tickets";
                            /** @enum {string} */
                            state: "uploaded" | "running" | "done" | "failed";
                            fileName: string;
                            /** @enum {string} */
                            fileKind: "csv" | "xlsx" | "jsonl";
                            encoding: string;
                            byteSize: number;
                            headerRow: number;
                            headers: string[];
                            mapping: {
                                column: number;
                                header: string;
                                target: string | null;
                            }[];
                            /** @description Per target (`fields.industry`), a source value → the value stored (e.g. an option key). */
                            valueMaps: {
                                [key: string]: {
                                    [key: string]: string;
                                };
                            };
                            /**
                             * @description A row matching an existing record (phone, email, external id; organisations also by name): `create` rejects it as a duplicate, `skip` leaves the record, `update` overwrites with the row's values, `merge` fills only empty values and adds new identities.
                             * @enum {string}
                             */
                            dedupRule: "create" | "update" | "skip" | "merge";
                            settingsVersion: number;
                            checkpointRow: number;
                            counts: {
                                created: number;
                                updated: number;
                                skipped: number;
                                rejected: number;
                            };
                            totalRows: number | null;
                            dryRun: {
                                settingsVersion: number;
                                counts: {
                                    created: number;
                                    updated: number;
                                    skipped: number;
                                    rejected: number;
                                };
                            } | null;
                            error: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            finishedAt: string | null;
                            /** @description The first data rows under the header. */
                            samples: string[][];
                            /** @description Where a column can go: built-in targets and the entity's custom fields. */
                            targets: {
                                key: string;
                                label: string;
                            }[];
                            batches: {
                                /** Format: uuid */
                                id: string;
                                seq: number;
                                firstRow: number;
                                lastRow: number;
                                counts: {
                                    created: number;
                                    updated: number;
                                    skipped: number;
                                    rejected: number;
                                };
                                /** Format: date-time */
                                committedAt: string;
                                rolledBackAt: string | null;
                                refused: {
                                    row: number;
                                    entityId: string;
                                    reason: string;
                                }[] | null;
                            }[];
                            /** @description What the run left out of rows it imported (an oversized attachment …), first 200. */
                            warnings: {
                                row: number;
                                reason: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导入详情与进度 An import, its progress and batches */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description What the file holds. Tickets: .csv/.xlsx (one row a ticket) or .jsonl (docs/migration.md, "JSON lines").
                             * @enum {string}
                             */
                            entity: "contacts" | "organisations" | "tickets";
                            /** @enum {string} */
                            state: "uploaded" | "running" | "done" | "failed";
                            fileName: string;
                            /** @enum {string} */
                            fileKind: "csv" | "xlsx" | "jsonl";
                            encoding: string;
                            byteSize: number;
                            headerRow: number;
                            headers: string[];
                            mapping: {
                                column: number;
                                header: string;
                                target: string | null;
                            }[];
                            /** @description Per target (`fields.industry`), a source value → the value stored (e.g. an option key). */
                            valueMaps: {
                                [key: string]: {
                                    [key: string]: string;
                                };
                            };
                            /**
                             * @description A row matching an existing record (phone, email, external id; organisations also by name): `create` rejects it as a duplicate, `skip` leaves the record, `update` overwrites with the row's values, `merge` fills only empty values and adds new identities.
                             * @enum {string}
                             */
                            dedupRule: "create" | "update" | "skip" | "merge";
                            settingsVersion: number;
                            checkpointRow: number;
                            counts: {
                                created: number;
                                updated: number;
                                skipped: number;
                                rejected: number;
                            };
                            totalRows: number | null;
                            dryRun: {
                                settingsVersion: number;
                                counts: {
                                    created: number;
                                    updated: number;
                                    skipped: number;
                                    rejected: number;
                                };
                            } | null;
                            error: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            finishedAt: string | null;
                            /** @description The first data rows under the header. */
                            samples: string[][];
                            /** @description Where a column can go: built-in targets and the entity's custom fields. */
                            targets: {
                                key: string;
                                label: string;
                            }[];
                            batches: {
                                /** Format: uuid */
                                id: string;
                                seq: number;
                                firstRow: number;
                                lastRow: number;
                                counts: {
                                    created: number;
                                    updated: number;
                                    skipped: number;
                                    rejected: number;
                                };
                                /** Format: date-time */
                                committedAt: string;
                                rolledBackAt: string | null;
                                refused: {
                                    row: number;
                                    entityId: string;
                                    reason: string;
                                }[] | null;
                            }[];
                            /** @description What the run left out of rows it imported (an oversized attachment …), first 200. */
                            warnings: {
                                row: number;
                                reason: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * 修改映射、值映射与查重规则 Change mapping, value maps and dedup rule
         * @description Only before the run. `If-Match: "<settingsVersion>"` is optional.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        mapping?: {
                            column: number;
                            target: string | null;
                        }[];
                        /** @description Per target (`fields.industry`), a source value → the value stored (e.g. an option key). */
                        valueMaps?: {
                            [key: string]: {
                                [key: string]: string;
                            };
                        };
                        /**
                         * @description A row matching an existing record (phone, email, external id; organisations also by name): `create` rejects it as a duplicate, `skip` leaves the record, `update` overwrites with the row's values, `merge` fills only empty values and adds new identities.
                         * @enum {string}
                         */
                        dedupRule?: "create" | "update" | "skip" | "merge";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description What the file holds. Tickets: .csv/.xlsx (one row a ticket) or .jsonl (docs/migration.md, "JSON lines").
                             * @enum {string}
                             */
                            entity: "contacts" | "organisations" | "tickets";
                            /** @enum {string} */
                            state: "uploaded" | "running" | "done" | "failed";
                            fileName: string;
                            /** @enum {string} */
                            fileKind: "csv" | "xlsx" | "jsonl";
                            encoding: string;
                            byteSize: number;
                            headerRow: number;
                            headers: string[];
                            mapping: {
                                column: number;
                                header: string;
                                target: string | null;
                            }[];
                            /** @description Per target (`fields.industry`), a source value → the value stored (e.g. an option key). */
                            valueMaps: {
                                [key: string]: {
                                    [key: string]: string;
                                };
                            };
                            /**
                             * @description A row matching an existing record (phone, email, external id; organisations also by name): `create` rejects it as a duplicate, `skip` leaves the record, `update` overwrites with the row's values, `merge` fills only empty values and adds new identities.
                             * @enum {string}
                             */
                            dedupRule: "create" | "update" | "skip" | "merge";
                            settingsVersion: number;
                            checkpointRow: number;
                            counts: {
                                created: number;
                                updated: number;
                                skipped: number;
                                rejected: number;
                            };
                            totalRows: number | null;
                            dryRun: {
                                settingsVersion: number;
                                counts: {
                                    created: number;
                                    updated: number;
                                    skipped: number;
                                    rejected: number;
                                };
                            } | null;
                            error: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            finishedAt: string | null;
                            /** @description The first data rows under the header. */
                            samples: string[][];
                            /** @description Where a column can go: built-in targets and the entity's custom fields. */
                            targets: {
                                key: string;
                                label: string;
                            }[];
                            batches: {
                                /** Format: uuid */
                                id: string;
                                seq: number;
                                firstRow: number;
                                lastRow: number;
                                counts: {
                                    created: number;
                                    updated: number;
                                    skipped: number;
                                    rejected: number;
                                };
                                /** Format: date-time */
                                committedAt: string;
                                rolledBackAt: string | null;
                                refused: {
                                    row: number;
                                    entityId: string;
                                    reason: string;
                                }[] | null;
                            }[];
                            /** @description What the run left out of rows it imported (an oversized attachment …), first 200. */
                            warnings: {
                                row: number;
                                reason: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/imports/{id}/dry-run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 试运行 Dry run: what the run would do, nothing written */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            settingsVersion: number;
                            totalRows: number;
                            counts: {
                                created: number;
                                updated: number;
                                skipped: number;
                                rejected: number;
                            };
                            /** @description The first 200 rejected rows; all of them in GET …/rejected.xlsx?of=dry-run. */
                            rejected: {
                                row: number;
                                reason: string;
                                message: string;
                                cells: string[];
                            }[];
                            /** @description What the run would leave out of rows it imports (tickets: an oversized attachment), first 200. */
                            warnings: {
                                row: number;
                                reason: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 开始导入 Run the import (in the background, in batches)
         * @description Progress: GET /api/v1/imports/{id} (`counts`, `totalRows`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description What the file holds. Tickets: .csv/.xlsx (one row a ticket) or .jsonl (docs/migration.md, "JSON lines").
                             * @enum {string}
                             */
                            entity: "contacts" | "organisations" | "tickets";
                            /** @enum {string} */
                            state: "uploaded" | "running" | "done" | "failed";
                            fileName: string;
                            /** @enum {string} */
                            fileKind: "csv" | "xlsx" | "jsonl";
                            encoding: string;
                            byteSize: number;
                            headerRow: number;
                            headers: string[];
                            mapping: {
                                column: number;
                                header: string;
                                target: string | null;
                            }[];
                            /** @description Per target (`fields.industry`), a source value → the value stored (e.g. an option key). */
                            valueMaps: {
                                [key: string]: {
                                    [key: string]: string;
                                };
                            };
                            /**
                             * @description A row matching an existing record (phone, email, external id; organisations also by name): `create` rejects it as a duplicate, `skip` leaves the record, `update` overwrites with the row's values, `merge` fills only empty values and adds new identities.
                             * @enum {string}
                             */
                            dedupRule: "create" | "update" | "skip" | "merge";
                            settingsVersion: number;
                            checkpointRow: number;
                            counts: {
                                created: number;
                                updated: number;
                                skipped: number;
                                rejected: number;
                            };
                            totalRows: number | null;
                            dryRun: {
                                settingsVersion: number;
                                counts: {
                                    created: number;
                                    updated: number;
                                    skipped: number;
                                    rejected: number;
                                };
                            } | null;
                            error: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            finishedAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 回滚批次 Roll back a batch, or all */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description One batch; without it every batch not yet rolled back, newest first.
                         */
                        batchId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            batches: {
                                /** Format: uuid */
                                batchId: string;
                                removed: number;
                                restored: number;
                                refused: {
                                    row: number;
                                    entityId: string;
                                    reason: string;
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}/rejected.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 下载被拒绝的行 The rejected rows as Excel
         * @description `of=run` (default): the run's; `of=dry-run`: the dry run's, computed again now.
         */
        get: {
            parameters: {
                query?: {
                    of?: "run" | "dry-run";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/import-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导入模板 Import templates */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description What the file holds. Tickets: .csv/.xlsx (one row a ticket) or .jsonl (docs/migration.md, "JSON lines").
                                 * @enum {string}
                                 */
                                entity: "contacts" | "organisations" | "tickets";
                                name: string;
                                columns: {
                                    [key: string]: string | null;
                                };
                                /** @description Per target (`fields.industry`), a source value → the value stored (e.g. an option key). */
                                valueMaps: {
                                    [key: string]: {
                                        [key: string]: string;
                                    };
                                };
                                /**
                                 * @description A row matching an existing record (phone, email, external id; organisations also by name): `create` rejects it as a duplicate, `skip` leaves the record, `update` overwrites with the row's values, `merge` fills only empty values and adds new identities.
                                 * @enum {string}
                                 */
                                dedupRule: "create" | "update" | "skip" | "merge";
                                version: number;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** 新建导入模板 Create an import template */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /**
                         * @description What the file holds. Tickets: .csv/.xlsx (one row a ticket) or .jsonl (docs/migration.md, "JSON lines").
                         * @enum {string}
                         */
                        entity: "contacts" | "organisations" | "tickets";
                        /** @description Header text → target (null: ignored). */
                        columns: {
                            [key: string]: string | null;
                        };
                        /**
                         * @description Per target (`fields.industry`), a source value → the value stored (e.g. an option key).
                         * @default {}
                         */
                        valueMaps?: {
                            [key: string]: {
                                [key: string]: string;
                            };
                        };
                        /**
                         * @description A row matching an existing record (phone, email, external id; organisations also by name): `create` rejects it as a duplicate, `skip` leaves the record, `update` overwrites with the row's values, `merge` fills only empty values and adds new identities.
                         * @default skip
                         * @enum {string}
                         */
                        dedupRule?: "create" | "update" | "skip" | "merge";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description What the file holds. Tickets: .csv/.xlsx (one row a ticket) or .jsonl (docs/migration.md, "JSON lines").
                             * @enum {string}
                             */
                            entity: "contacts" | "organisations" | "tickets";
                            name: string;
                            columns: {
                                [key: string]: string | null;
                            };
                            /** @description Per target (`fields.industry`), a source value → the value stored (e.g. an option key). */
                            valueMaps: {
                                [key: string]: {
                                    [key: string]: string;
                                };
                            };
                            /**
                             * @description A row matching an existing record (phone, email, external id; organisations also by name): `create` rejects it as a duplicate, `skip` leaves the record, `update` overwrites with the row's values, `merge` fills only empty values and adds new identities.
                             * @enum {string}
                             */
                            dedupRule: "create" | "update" | "skip" | "merge";
                            version: number;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/import-templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 修改导入模板 Change an import template */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /**
                         * @description What the file holds. Tickets: .csv/.xlsx (one row a ticket) or .jsonl (docs/migration.md, "JSON lines").
                         * @enum {string}
                         */
                        entity: "contacts" | "organisations" | "tickets";
                        /** @description Header text → target (null: ignored). */
                        columns: {
                            [key: string]: string | null;
                        };
                        /**
                         * @description Per target (`fields.industry`), a source value → the value stored (e.g. an option key).
                         * @default {}
                         */
                        valueMaps?: {
                            [key: string]: {
                                [key: string]: string;
                            };
                        };
                        /**
                         * @description A row matching an existing record (phone, email, external id; organisations also by name): `create` rejects it as a duplicate, `skip` leaves the record, `update` overwrites with the row's values, `merge` fills only empty values and adds new identities.
                         * @default skip
                         * @enum {string}
                         */
                        dedupRule?: "create" | "update" | "skip" | "merge";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description What the file holds. Tickets: .csv/.xlsx (one row a ticket) or .jsonl (docs/migration.md, "JSON lines").
                             * @enum {string}
                             */
                            entity: "contacts" | "organisations" | "tickets";
                            name: string;
                            columns: {
                                [key: string]: string | null;
                            };
                            /** @description Per target (`fields.industry`), a source value → the value stored (e.g. an option key). */
                            valueMaps: {
                                [key: string]: {
                                    [key: string]: string;
                                };
                            };
                            /**
                             * @description A row matching an existing record (phone, email, external id; organisations also by name): `create` rejects it as a duplicate, `skip` leaves the record, `update` overwrites with the row's values, `merge` fills only empty values and adds new identities.
                             * @enum {string}
                             */
                            dedupRule: "create" | "update" | "skip" | "merge";
                            version: number;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** 删除导入模板 Delete an import template */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 把当前映射保存为模板 Save this import's mapping as a template */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description What the file holds. Tickets: .csv/.xlsx (one row a ticket) or .jsonl (docs/migration.md, "JSON lines").
                             * @enum {string}
                             */
                            entity: "contacts" | "organisations" | "tickets";
                            name: string;
                            columns: {
                                [key: string]: string | null;
                            };
                            /** @description Per target (`fields.industry`), a source value → the value stored (e.g. an option key). */
                            valueMaps: {
                                [key: string]: {
                                    [key: string]: string;
                                };
                            };
                            /**
                             * @description A row matching an existing record (phone, email, external id; organisations also by name): `create` rejects it as a duplicate, `skip` leaves the record, `update` overwrites with the row's values, `merge` fills only empty values and adds new identities.
                             * @enum {string}
                             */
                            dedupRule: "create" | "update" | "skip" | "merge";
                            version: number;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/processes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 流程列表 List processes */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description `nextCursor` of the previous page. */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                key: string;
                                name: {
                                    "zh-CN": string;
                                    en: string;
                                };
                                ticketType: string;
                                /** @description The version new tickets of the type start on; null before the first publish. */
                                currentVersion: number | null;
                                /** @description The draft row's version, for If-Match. */
                                version: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * 新建流程 Create a process
         * @description A process of a ticket type (one per type), with its first draft. The draft may be incomplete; publishing checks it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        key: string;
                        name: {
                            "zh-CN": string;
                            /** @default  */
                            en?: string;
                        };
                        ticketType: string;
                        /** @description A process definition `{start, nodes, transitions}` (docs/workflow.md; schema: src/workflow-model/definition.ts). */
                        definition: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            key: string;
                            name: {
                                "zh-CN": string;
                                en: string;
                            };
                            ticketType: string;
                            /** @description The version new tickets of the type start on; null before the first publish. */
                            currentVersion: number | null;
                            /** @description The draft row's version, for If-Match. */
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description The draft. */
                            definition: {
                                [key: string]: unknown;
                            };
                            /** @description What would stop the draft from being published, each at its path into `definition` (empty: publishable). */
                            issues: {
                                path: string;
                                code: string;
                                params?: {
                                    [key: string]: string | number;
                                };
                                message: string;
                            }[];
                            /** @description Published versions, newest first. */
                            versions: {
                                version: number;
                                /** Format: date-time */
                                publishedAt: string;
                                publishedBy: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/processes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 流程详情 Get a process */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            key: string;
                            name: {
                                "zh-CN": string;
                                en: string;
                            };
                            ticketType: string;
                            /** @description The version new tickets of the type start on; null before the first publish. */
                            currentVersion: number | null;
                            /** @description The draft row's version, for If-Match. */
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description The draft. */
                            definition: {
                                [key: string]: unknown;
                            };
                            /** @description What would stop the draft from being published, each at its path into `definition` (empty: publishable). */
                            issues: {
                                path: string;
                                code: string;
                                params?: {
                                    [key: string]: string | number;
                                };
                                message: string;
                            }[];
                            /** @description Published versions, newest first. */
                            versions: {
                                version: number;
                                /** Format: date-time */
                                publishedAt: string;
                                publishedBy: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        /**
         * 保存流程草稿 Save the draft
         * @description Requires `If-Match: "<version>"` (428 without, 412 when someone saved meanwhile). Running tickets are not affected until a version is published.
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: {
                            "zh-CN": string;
                            /** @default  */
                            en?: string;
                        };
                        /** @description A process definition `{start, nodes, transitions}` (docs/workflow.md; schema: src/workflow-model/definition.ts). */
                        definition?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            key: string;
                            name: {
                                "zh-CN": string;
                                en: string;
                            };
                            ticketType: string;
                            /** @description The version new tickets of the type start on; null before the first publish. */
                            currentVersion: number | null;
                            /** @description The draft row's version, for If-Match. */
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description The draft. */
                            definition: {
                                [key: string]: unknown;
                            };
                            /** @description What would stop the draft from being published, each at its path into `definition` (empty: publishable). */
                            issues: {
                                path: string;
                                code: string;
                                params?: {
                                    [key: string]: string | number;
                                };
                                message: string;
                            }[];
                            /** @description Published versions, newest first. */
                            versions: {
                                version: number;
                                /** Format: date-time */
                                publishedAt: string;
                                publishedBy: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/processes/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 发布流程 Publish the draft
         * @description Validates the draft (unreachable stages, dead ends, gateways without a default, conditions naming missing fields, joins without a split …); any problem answers 422 `workflow.publish_invalid` with every problem at `definition.<path>`. Otherwise a new immutable version: new tickets of the type start on it, running ones keep theirs. `If-Match` optional.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: number;
                            /** @description A process definition `{start, nodes, transitions}` (docs/workflow.md; schema: src/workflow-model/definition.ts). */
                            definition: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            publishedAt: string;
                            publishedBy: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/processes/{id}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 流程版本 Get a published version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: number;
                            /** @description A process definition `{start, nodes, transitions}` (docs/workflow.md; schema: src/workflow-model/definition.ts). */
                            definition: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            publishedAt: string;
                            publishedBy: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/processes/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 导出流程 Export as JSON
         * @description The draft, or `?version=` a published version, as a file `POST /api/v1/processes/import` takes (another installation).
         */
        get: {
            parameters: {
                query?: {
                    version?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            format: "opencsm.process";
                            /** @enum {number} */
                            formatVersion: 1;
                            key: string;
                            name: {
                                "zh-CN": string;
                                en: string;
                            };
                            ticketType: string;
                            sourceVersion: number | null;
                            /** @description A process definition `{start, nodes, transitions}` (docs/workflow.md; schema: src/workflow-model/definition.ts). */
                            definition: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/processes/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 导入流程 Import a process
         * @description A file from export. A new key creates a process (201); a known key replaces that process's draft (200) — publish to make it live. The ticket type must exist here.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        format: "opencsm.process";
                        /** @enum {number} */
                        formatVersion: 1;
                        key: string;
                        name: {
                            "zh-CN": string;
                            /** @default  */
                            en?: string;
                        };
                        ticketType: string;
                        sourceVersion: number | null;
                        definition: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            key: string;
                            name: {
                                "zh-CN": string;
                                en: string;
                            };
                            ticketType: string;
                            /** @description The version new tickets of the type start on; null before the first publish. */
                            currentVersion: number | null;
                            /** @description The draft row's version, for If-Match. */
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description The draft. */
                            definition: {
                                [key: string]: unknown;
                            };
                            /** @description What would stop the draft from being published, each at its path into `definition` (empty: publishable). */
                            issues: {
                                path: string;
                                code: string;
                                params?: {
                                    [key: string]: string | number;
                                };
                                message: string;
                            }[];
                            /** @description Published versions, newest first. */
                            versions: {
                                version: number;
                                /** Format: date-time */
                                publishedAt: string;
                                publishedBy: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            key: string;
                            name: {
                                "zh-CN": string;
                                en: string;
                            };
                            ticketType: string;
                            /** @description The version new tickets of the type start on; null before the first publish. */
                            currentVersion: number | null;
                            /** @description The draft row's version, for If-Match. */
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description The draft. */
                            definition: {
                                [key: string]: unknown;
                            };
                            /** @description What would stop the draft from being published, each at its path into `definition` (empty: publishable). */
                            issues: {
                                path: string;
                                code: string;
                                params?: {
                                    [key: string]: string | number;
                                };
                                message: string;
                            }[];
                            /** @description Published versions, newest first. */
                            versions: {
                                version: number;
                                /** Format: date-time */
                                publishedAt: string;
                                publishedBy: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/processes/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 流程变更记录 Audit trail
         * @description Who created, saved, published or imported the process, newest first (at most 200).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                type: string;
                                actorId: string | null;
                                payload: {
                                    [key: string]: unknown;
                                };
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 流转 Take a process transition
         * @description Writes `values` (custom fields by key) through the ticket service, checks who may take the transition, its condition and required fields on the values after the write, moves the ticket's stages and records `workflow.transition_taken` (cause `process:<id>`) — all or nothing. `expectedRevision` is the instance's `revision` the client saw: 409 `workflow.instance.revision_mismatch` when another transition came first. A return needs `reason`. A transition with an approval asks for it instead of moving (`approvalRequestId`; 409 `workflow.approval.pending` while one is pending).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        transition: string;
                        values?: {
                            [key: string]: unknown;
                        };
                        expectedRevision: number;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            revision: number;
                            stages: string[];
                            completed: boolean;
                            /** @description The transition needs an approval: it waits for this request (审批中) and the stages did not move. */
                            approvalRequestId?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/process": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 工单的流程 The ticket's process run
         * @description The version it runs on, its revision (send it back as `expectedRevision`), the stages its tokens wait at — each with its form, who works on it, its SLA due time and the transitions out of it as the caller sees them (`available`, and `reasons` in the reader's language when not) — the stages already left, and the version's map. 404 `workflow.instance.not_found` when the ticket runs no process.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            processId: string;
                            version: number;
                            status: string;
                            /** @description Send it back as `expectedRevision`. */
                            revision: number;
                            /** @description The approval the run waits for (审批中), else null. */
                            approvalRequestId: string | null;
                            /** @description The stages the ticket waits at (several inside a parallel split). */
                            stages: {
                                stage: string;
                                name: {
                                    "zh-CN": string;
                                    en: string;
                                };
                                /** Format: date-time */
                                enteredAt: string;
                                assigneeUserId: string | null;
                                assigneeTeamId: string | null;
                                assigneeRole: string | null;
                                /** @description The form section shown at this stage; null: the whole form. */
                                formSection: string | null;
                                requiredFields: {
                                    /** @description Registry key: `priority`, `fields.<key>`. */
                                    key: string;
                                    label: {
                                        "zh-CN": string;
                                        en: string;
                                    };
                                }[];
                                readOnlyFields: {
                                    /** @description Registry key: `priority`, `fields.<key>`. */
                                    key: string;
                                    label: {
                                        "zh-CN": string;
                                        en: string;
                                    };
                                }[];
                                /** @description Null: the stage has no target. */
                                sla: {
                                    /** @description Business minutes. */
                                    targetMinutes: number;
                                    /** @description From the stage's SLA timer: the target in business time of the ticket's calendar (its SLA policy's, else the default); null while the ticket's SLA is paused. */
                                    dueAt: string | null;
                                    /**
                                     * @description `breached`: the target was missed (已超时).
                                     * @enum {string}
                                     */
                                    state: "running" | "warning" | "breached" | "paused";
                                    /** @description Business minutes left now; negative once overdue. */
                                    remainingMinutes: number;
                                } | null;
                                transitions: {
                                    id: string;
                                    label: {
                                        "zh-CN": string;
                                        en: string;
                                    };
                                    /**
                                     * @description A return needs `reason` when taken.
                                     * @enum {string}
                                     */
                                    kind: "forward" | "return";
                                    needsApproval: boolean;
                                    /** @description Taking it now, without values, would succeed for the caller. */
                                    available: boolean;
                                    /** @description Why it is not available; empty when it is. */
                                    reasons: {
                                        /** @enum {string} */
                                        code: "not_allowed" | "fields_missing" | "condition_not_met" | "approval_pending";
                                        /** @description In the reader's language, e.g. 需要先填写 勘察结果. */
                                        message: string;
                                        /** @description `fields_missing`: the empty required fields. */
                                        fields?: {
                                            /** @description Registry key: `priority`, `fields.<key>`. */
                                            key: string;
                                            label: {
                                                "zh-CN": string;
                                                en: string;
                                            };
                                        }[];
                                    }[];
                                    /** @description What must hold a value once taken (the stage's and the transition's required fields): send them as `values`. */
                                    fields: {
                                        /** @description Registry key: `priority`, `fields.<key>`. */
                                        key: string;
                                        label: {
                                            "zh-CN": string;
                                            en: string;
                                        };
                                    }[];
                                }[];
                            }[];
                            /** @description Stages the ticket has left and is not back at. */
                            doneStages: string[];
                            /** @description The version's drawing, for the map. */
                            map: {
                                nodes: {
                                    id: string;
                                    /** @enum {string} */
                                    kind: "stage" | "gateway" | "end";
                                    gateway: ("exclusive" | "parallel" | "join") | null;
                                    name: {
                                        "zh-CN": string;
                                        en: string;
                                    } | null;
                                    position: {
                                        x: number;
                                        y: number;
                                    };
                                }[];
                                transitions: {
                                    id: string;
                                    from: string;
                                    to: string;
                                    /** @enum {string} */
                                    kind: "forward" | "return";
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/process-stages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 待我处理的环节 Stages waiting for me, or at one stage
         * @description `mine=1`: stages whose worker is me, one of my teams or my role, oldest first. `processId` + `stage`: the tickets waiting at that stage (the stage filter). Only tickets the caller may see. Keyset pages: pass `cursor` = `nextCursor`.
         */
        get: {
            parameters: {
                query?: {
                    mine?: "1" | "true";
                    processId?: string;
                    stage?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                ticketId: string;
                                ticketNumber: string;
                                ticketSubject: string;
                                processId: string;
                                stage: string;
                                /** Format: date-time */
                                enteredAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approvals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 待我审批 Approvals waiting for me
         * @description `mine=1` (the default): requests with a step pending for me (or delegated to me), oldest first, only tickets I may see. `attention=1` (admins, `processes.manage`): pending requests flagged 需要处理 — an approver left without a lead, or nobody could be found. Keyset pages: pass `cursor` = `nextCursor`.
         */
        get: {
            parameters: {
                query?: {
                    mine?: "1" | "true";
                    attention?: "1" | "true";
                    limit?: number;
                    /** @description `nextCursor` of the previous page. */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                requestId: string;
                                ticketId: string;
                                /** @description 待我审批 only. */
                                ticketNumber?: string | null;
                                /** @description 待我审批 only. */
                                ticketSubject?: string | null;
                                processId: string;
                                transition: string;
                                fromStage: string;
                                mode: string;
                                revision: number;
                                requestedBy: string;
                                /** Format: date-time */
                                requestedAt: string;
                                /** Format: date-time */
                                askedAt: string;
                                delegatedFrom: string | null;
                                needsAttention: boolean;
                                attention: string[];
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approvals/{id}/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 审批决定 Decide an approval
         * @description By an approver with a step pending (or their substitute today): `approve`; `reject` (reason required: the transition is not taken, the ticket stays at its stage); `return` for changes (reason required: ends the request at once). When the plan is satisfied the transition is taken in the same transaction (cause `process:<id>`). 403 `workflow.approval.not_approver`; 409 `workflow.approval.not_pending` when it was decided meanwhile.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "approve" | "reject" | "return";
                        reason?: string;
                        /** @description The request's `revision` the client saw: 409 `workflow.approval.revision_mismatch` when it moved meanwhile. */
                        expectedRevision?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "pending" | "approved" | "rejected" | "returned";
                            revision: number;
                            stages?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approvals/{id}/signers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 加签 Add a signer
         * @description By a pending approver or an admin. In a chain the signer is asked right after the one who added them; in single, chain and countersign their approval is needed too; in any and n of m they join the pool.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        userId: string;
                        /** @description The request's `revision` the client saw: 409 `workflow.approval.revision_mismatch` when it moved meanwhile. */
                        expectedRevision?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            revision: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approvals/{id}/reassign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 转交审批 Reassign an approver's steps (admins)
         * @description Gives the open steps of `from` to `to`; a request with no open step (nobody was found) asks `to`. Clears 需要处理 when every open step has an active approver.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        from?: string;
                        /** Format: uuid */
                        to: string;
                        /** @description The request's `revision` the client saw: 409 `workflow.approval.revision_mismatch` when it moved meanwhile. */
                        expectedRevision?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            revision: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/approvals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 工单的审批记录 A ticket's approvals
         * @description Every approval request of the ticket, oldest first, with each step: approver, status, when asked and decided, the reason, and whom it was delegated or reassigned from.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                processId: string;
                                version: number;
                                transition: string;
                                fromStage: string;
                                mode: string;
                                needed: number;
                                tier: number | null;
                                status: string;
                                needsAttention: boolean;
                                attention: string[];
                                revision: number;
                                requestedBy: string;
                                /** Format: date-time */
                                requestedAt: string;
                                decidedAt: string | null;
                                reason: string | null;
                                steps: {
                                    id: string;
                                    position: number;
                                    approverId: string;
                                    status: string;
                                    askedAt: string | null;
                                    decidedAt: string | null;
                                    reason: string | null;
                                    delegatedFrom: string | null;
                                    reassignedFrom: string | null;
                                    addedBy: string | null;
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/approval-delegate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的代理审批人 My substitute */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            delegate: {
                                userId: string;
                                /** Format: date-time */
                                from: string;
                                /** Format: date-time */
                                until: string;
                            } | null;
                        };
                    };
                };
            };
        };
        /**
         * 设置代理审批人 Set my substitute while away
         * @description Approvals asked of me in [from, until) go to `userId` (when the approval allows delegation), recorded as delegated; they may also decide steps still pending for me then.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        userId: string;
                        from: unknown;
                        until: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            userId: string;
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            until: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** 取消代理审批人 Clear my substitute */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approval-links/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 审批链接 What an approval link decides
         * @description The decision the link makes, on which ticket and transition, for which approver, until when. Decides nothing (mail scanners fetch links). 404 `workflow.approval_link.not_found`; 410 `workflow.approval_link.used`, `.expired`, or `.void` (the step is no longer pending for this approver: decided, delegated, reassigned, or the request ended).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            decision: "approve" | "reject";
                            approverName: string;
                            ticketNumber: string | null;
                            ticketSubject: string | null;
                            transition: {
                                "zh-CN": string;
                                en?: string;
                            };
                            mode: string;
                            /** Format: date-time */
                            expiresAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * 通过链接审批 Decide through an approval link
         * @description Once: the decision must be the link's own (400 at `decision`); a rejection needs `reason`. Decided as the approver would in the console, audited with channel `link`; the same 404 and 410 problems as the GET, and a second use is 410 `workflow.approval_link.used`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "approve" | "reject";
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "pending" | "approved" | "rejected" | "returned";
                            revision: number;
                            stages?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/processes/{id}/migrations/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 迁移预览 Preview migrating running tickets
         * @description For each ticket running on `fromVersion` (or the chosen `ticketIds`): the stage each of its tokens lands in on `toVersion` (the same stage id, else `stageMap`, else a problem), the new stages' required fields it lacks, and what stops it from moving. Changes nothing. Keyset pages: `cursor` = `nextCursor`.
         */
        post: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        fromVersion: number;
                        toVersion: number;
                        /** @description Only these tickets (else every running instance of `fromVersion`). */
                        ticketIds?: string[];
                        /** @description Old stage id → stage of `toVersion`, for stages the new version no longer has. */
                        stageMap?: {
                            [key: string]: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                ticketId: string;
                                number: string;
                                subject: string;
                                /** @description Send it back in `expectedRevisions` to migrate only what you saw. */
                                revision: number;
                                stages: {
                                    from: string;
                                    to: string | null;
                                }[];
                                missingFields: {
                                    key: string;
                                    label: {
                                        "zh-CN": string;
                                        en: string;
                                    };
                                }[];
                                problems: {
                                    code: string;
                                    params: {
                                        [key: string]: string;
                                    };
                                    message: string;
                                }[];
                            }[];
                            total: number;
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/processes/{id}/migrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 迁移运行中的工单 Migrate running tickets
         * @description Moves the chosen tickets (or the first 50 running on `fromVersion`) to `toVersion`, each in its own transaction, and says per ticket: `migrated`, `moved` (its process moved on since the preview: `expectedRevisions` from the preview, else the revision read when the request began; left alone), `refused` (a problem of the preview) or `not_running`. Records `workflow.instance_migrated` and a timeline entry for each migrated ticket. `remaining`: how many still run on `fromVersion`; send the request again for the next batch.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        fromVersion: number;
                        toVersion: number;
                        /** @description Only these tickets (at most 50 per migration request), else every running instance of `fromVersion`. */
                        ticketIds?: string[];
                        /** @description Old stage id → stage of `toVersion`, for stages the new version no longer has. */
                        stageMap?: {
                            [key: string]: string;
                        };
                        /** @enum {boolean} */
                        confirm: true;
                        expectedRevisions?: {
                            [key: string]: number;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            outcomes: {
                                ticketId: string;
                                /** @enum {string} */
                                outcome: "migrated" | "moved" | "refused" | "not_running";
                                revision?: number;
                                stages?: {
                                    from: string;
                                    to: string;
                                }[];
                                problems?: {
                                    code: string;
                                    params: {
                                        [key: string]: string;
                                    };
                                    message: string;
                                }[];
                            }[];
                            remaining: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/process-stages/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 可筛选的环节 Stages to filter by
         * @description Every published process with the stages of its current version (ids and names in both languages): the values of the ticket list's `stage=<processId>:<stageId>`. Empty when no process is published.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                processId: string;
                                name: {
                                    "zh-CN": string;
                                    en: string;
                                };
                                ticketType: string;
                                version: number;
                                stages: {
                                    id: string;
                                    name: {
                                        "zh-CN": string;
                                        en: string;
                                    };
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 数据导出列表 List full exports
         * @description Newest first; `nextCursor` (null on the last page) goes back as `cursor`.
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @enum {string} */
                                state: "queued" | "running" | "ready" | "failed" | "expired";
                                requestedBy: string;
                                /** Format: date-time */
                                createdAt: string;
                                startedAt: string | null;
                                finishedAt: string | null;
                                /** @description When the file is removed */
                                expiresAt: string | null;
                                /** @description The entity being written (running) */
                                entity: string | null;
                                entitiesDone: number;
                                entities: number;
                                rows: number;
                                counts: {
                                    entity: string;
                                    rows: number;
                                }[] | null;
                                fileName: string | null;
                                bytes: number | null;
                                error: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * 开始全量数据导出 Start a full export
         * @description Everything users can see, as JSON lines per entity, attachment files, manifest.json and summary.xlsx in one .zip (docs/migration.md). 409 `exports.already_running` while one is queued or running.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            state: "queued" | "running" | "ready" | "failed" | "expired";
                            requestedBy: string;
                            /** Format: date-time */
                            createdAt: string;
                            startedAt: string | null;
                            finishedAt: string | null;
                            /** @description When the file is removed */
                            expiresAt: string | null;
                            /** @description The entity being written (running) */
                            entity: string | null;
                            entitiesDone: number;
                            entities: number;
                            rows: number;
                            counts: {
                                entity: string;
                                rows: number;
                            }[] | null;
                            fileName: string | null;
                            bytes: number | null;
                            error: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 数据导出进度 One export and its progress */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            state: "queued" | "running" | "ready" | "failed" | "expired";
                            requestedBy: string;
                            /** Format: date-time */
                            createdAt: string;
                            startedAt: string | null;
                            finishedAt: string | null;
                            /** @description When the file is removed */
                            expiresAt: string | null;
                            /** @description The entity being written (running) */
                            entity: string | null;
                            entitiesDone: number;
                            entities: number;
                            rows: number;
                            counts: {
                                entity: string;
                                rows: number;
                            }[] | null;
                            fileName: string | null;
                            bytes: number | null;
                            error: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/{id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 下载导出文件 Download the export (.zip)
         * @description 404 `exports.not_ready` until it is ready and after it expired.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 后台任务（默认死信）Background jobs (dead letters by default) */
        get: {
            parameters: {
                query?: {
                    state?: "pending" | "running" | "dead";
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Job"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/jobs/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重试死信任务 Retry a dead job */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 实时更新（SSE）Live updates (server-sent events)
         * @description A `text/event-stream`. Events: `ready` {resync} first; `ticket` {ticketId, type, actorId, eventId} for each change to a ticket the caller may see; `presence` {ticketId} when the viewers of a visible ticket change; `notification` {type, eventId} when the caller's own notifications arrive or are read (never another user's); `: heartbeat` comments every 15 s. Reconnect with `Last-Event-ID` (EventSource does) or `?lastEventId=` to receive what was missed; `ready.resync = true` means it could not be replayed: reload.
         */
        get: {
            parameters: {
                query?: {
                    lastEventId?: string;
                };
                header?: {
                    "last-event-id"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/{kind}/{accountId}/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 渠道回调地址验证 Vendor callback URL verification
         * @description The vendor checks the URL (WeChat: `signature`, `timestamp`, `nonce`, `echostr`); answered with `echostr` when the signature holds.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: string;
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /**
         * 渠道消息回调 Vendor message callback
         * @description Signed by the vendor; the raw message is stored before the answer (WeChat: `success`), then processed in a job. Retries of one message are stored once.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: string;
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        UserInput: {
            /** Format: uuid */
            id: string;
            email: string;
            name: string;
            /** @enum {string} */
            role: "admin" | "supervisor" | "agent" | "field_engineer";
            locale: string;
            active: boolean;
            teamIds: string[];
            createdAt: unknown;
            updatedAt: unknown;
        };
        TeamInput: {
            /** Format: uuid */
            id: string;
            name: string;
            description: string;
            memberIds: string[];
            createdAt: unknown;
            updatedAt: unknown;
        };
        ApiTokenInput: {
            /** Format: uuid */
            id: string;
            name: string;
            prefix: string;
            createdAt: unknown;
            expiresAt: unknown | null;
            revokedAt: unknown | null;
            lastUsedAt: unknown | null;
        };
        MeInput: {
            /** Format: uuid */
            id: string;
            email: string;
            name: string;
            /** @enum {string} */
            role: "admin" | "supervisor" | "agent" | "field_engineer";
            locale: string;
            teamIds: string[];
            permissions: string[];
        };
        SignInAuditEntryInput: {
            /** Format: uuid */
            id: string;
            userId: string | null;
            userName: string | null;
            email: string;
            ip: string;
            userAgent: string;
            /** @enum {string} */
            outcome: "success" | "failure" | "refused";
            reason: string | null;
            createdAt: unknown;
        };
        SignInLockInput: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "account" | "ip";
            subject: string;
            userId: string | null;
            userName: string | null;
            failures: number;
            lockedUntil: unknown;
        };
        FieldInput: {
            key: string;
            /** @enum {string} */
            entity: "ticket" | "contact" | "organisation";
            label: {
                "zh-CN": string;
                en: string;
            };
            /** @description A field of the ticket itself (subject, status …): listed for filters and conditions, not editable here. */
            builtIn: boolean;
            /** @description A custom field: its type (text, select, cascader …). A built-in one: its condition-language type. */
            type: string;
            /** @description How conditions judge its values (docs/conditions.md): a custom field's type row says it, registered types included; null: conditions cannot test it (attachments). */
            conditionType: ("text" | "number" | "money" | "date" | "datetime" | "select" | "multiselect" | "boolean" | "user" | "team" | "contact" | "organisation") | null;
            /** @description Condition operators the field takes (docs/conditions.md). */
            operators: string[];
            help?: {
                "zh-CN"?: string;
                en?: string;
            };
            /** @description Options `{value, label: {zh-CN, en}, deleted?, children?}`; `value` never changes, a label may. */
            options?: {
                [key: string]: unknown;
            }[];
            settings?: {
                [key: string]: unknown;
            };
            filterable: boolean;
            sortable: boolean;
            searchable: boolean;
            customerVisible: boolean;
            readRoles?: string[];
            writeRoles?: string[];
            archived: boolean;
            version?: number;
            position?: number;
            createdAt?: unknown;
            updatedAt?: unknown;
        };
        FieldTypeInput: {
            key: string;
            label: {
                "zh-CN": string;
                en: string;
            };
            /** @description One of the 20 types every installation has; false: a module registered it. */
            builtIn: boolean;
            /** @description How conditions judge its values (docs/conditions.md); null: conditions cannot test it. */
            conditionType: string | null;
            operators: string[];
            hasOptions: boolean;
            filterable: boolean;
            searchable: boolean;
        };
        TicketTypeInput: {
            /** Format: uuid */
            id: string;
            key: string;
            label: {
                "zh-CN": string;
                en: string;
            };
            active: boolean;
            position: number;
            defaultTeamId: string | null;
            defaultPriority: string | null;
            slaPolicyId: string | null;
            currentVersion: number | null;
            version: number;
            createdAt: unknown;
            updatedAt: unknown;
        };
        TicketTypeVersionInput: {
            key: string;
            version: number;
            /** @description A form definition: `{sections, rules, portal}` (src/forms/definition.ts). */
            form: {
                [key: string]: unknown;
            };
            publishedAt: unknown;
            publishedBy: string | null;
        };
        TicketTypeFormInput: {
            type: {
                key: string;
                label: {
                    "zh-CN": string;
                    en: string;
                };
                version: number;
            };
            /** @description A form definition: `{sections, rules, portal}` (src/forms/definition.ts). */
            form: {
                [key: string]: unknown;
            };
            fields: components["schemas"]["FieldInput"][];
        };
        ContactSummaryInput: {
            /** Format: uuid */
            id: string;
            name: string;
            email: string | null;
            phone: string | null;
            organization: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            tierKey: string | null;
            anonymized: boolean;
        };
        ContactIdentityInput: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "email" | "phone" | "wechat_openid" | "wechat_unionid" | "wecom_external_userid" | "dingtalk_userid";
            value: string;
            display: string;
            createdAt: unknown;
        };
        ContactInput: {
            /** Format: uuid */
            id: string;
            name: string;
            email: string | null;
            phone: string | null;
            organization: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            tierKey: string | null;
            anonymized: boolean;
            tags: string[];
            owner: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            notes: string;
            attributes: {
                [key: string]: unknown;
            };
            /** @description Custom field values the caller may read (a field's read roles), by key. */
            fields: {
                [key: string]: unknown;
            };
            identities: components["schemas"]["ContactIdentityInput"][];
            version: number;
            createdAt: unknown;
            updatedAt: unknown;
        };
        OrganizationInput: {
            /** Format: uuid */
            id: string;
            name: string;
            tierKey: string | null;
            tags: string[];
            owner: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            notes: string;
            attributes: {
                [key: string]: unknown;
            };
            /** @description Custom field values the caller may read (a field's read roles), by key. */
            fields: {
                [key: string]: unknown;
            };
            contactCount: number;
            version: number;
            createdAt: unknown;
            updatedAt: unknown;
        };
        CustomerRecordInput: {
            /** Format: uuid */
            id: string;
            type: string;
            externalId: string;
            organizationId: string | null;
            contactId: string | null;
            title: string;
            status: string | null;
            occurredOn: string | null;
            expiresOn: string | null;
            payload: {
                [key: string]: unknown;
            };
            version: number;
            createdAt: unknown;
            updatedAt: unknown;
        };
        CustomerTierInput: {
            key: string;
            nameZh: string;
            nameEn: string;
            rank: number;
            color: string;
            active: boolean;
        };
        CustomerHistoryEntryInput: {
            id: number;
            type: string;
            actor: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            payload: {
                [key: string]: unknown;
            };
            createdAt: unknown;
        };
        TicketSearchSummaryInput: {
            /** @enum {string} */
            scope: "all" | "view";
            total: number;
            totalCapped: boolean;
        };
        TicketViewFiltersInput: {
            status?: ("new" | "open" | "pending" | "resolved" | "closed")[];
            priority?: string[];
            teamId?: string | "mine";
            assigneeId?: string | "me" | "none";
            tag?: string;
            /** @enum {string} */
            sla?: "due_soon" | "breached";
            q?: string;
            /** @description Filterable custom fields: each holds one of the values. */
            fields?: {
                [key: string]: string[];
            };
        };
        TicketViewInput: {
            id: string;
            /** @constant */
            kind: "builtin";
            /** @enum {string} */
            key: "mine" | "unassigned" | "my_teams" | "open" | "due_soon" | "breached" | "solved";
            name: string;
            nameZh: string;
            nameEn: string;
            filters: components["schemas"]["TicketViewFiltersInput"];
            /** @description A built-in order, or `fields.<key>` / `-fields.<key>` for a filterable single-value custom field. */
            sort: "-updatedAt" | "updatedAt" | "-createdAt" | "createdAt" | "priority" | "-priority" | "number" | "-number" | "slaDueAt" | "-slaDueAt" | "relevance";
        } | {
            /** Format: uuid */
            id: string;
            /** @constant */
            kind: "saved";
            name: string;
            filters: components["schemas"]["TicketViewFiltersInput"];
            /** @description A built-in order, or `fields.<key>` / `-fields.<key>` for a filterable single-value custom field. */
            sort: "-updatedAt" | "updatedAt" | "-createdAt" | "createdAt" | "priority" | "-priority" | "number" | "-number" | "slaDueAt" | "-slaDueAt" | "relevance";
            columns: string[];
            position: number;
            createdAt: unknown;
            updatedAt: unknown;
        };
        TicketViewCountsInput: {
            counts: {
                [key: string]: number;
            };
            capped: string[];
            cap: number;
        };
        TicketBulkResultsInput: {
            results: ({
                /** Format: uuid */
                id: string;
                /** @constant */
                ok: true;
                version: number;
            } | {
                /** Format: uuid */
                id: string;
                /** @constant */
                ok: false;
                problem: {
                    status: number;
                    code: string;
                    title: string;
                };
            })[];
        };
        TicketSlaInput: {
            /** @enum {string} */
            target: "first_response" | "next_response" | "resolution";
            /** @description Null while paused (the due time moves when the clock resumes). */
            dueAt: unknown | null;
            /** @enum {string} */
            state: "running" | "warning" | "breached" | "paused" | "met";
            /** @description Business minutes left; negative once overdue; frozen while paused or met. */
            remainingMinutes: number;
        };
        TicketInput: {
            /** Format: uuid */
            id: string;
            number: string;
            /** @description 原工单号: the number it had in the system it was imported from. */
            externalNumber: string | null;
            subject: string;
            description: string;
            /** @enum {string} */
            status: "new" | "open" | "pending" | "resolved" | "closed";
            priority: string;
            categoryId: string | null;
            channel: string;
            requester: components["schemas"]["ContactSummaryInput"] | null;
            teamId: string | null;
            assigneeId: string | null;
            tags: string[];
            createdBy: string | null;
            createdAt: unknown;
            updatedAt: unknown;
            firstResponseAt: unknown | null;
            resolvedAt: unknown | null;
            closedAt: unknown | null;
            version: number;
            abilities: {
                update: boolean;
                changeStatus: boolean;
                reply: boolean;
                note: boolean;
                reopen: boolean;
            };
            /** @description SLA targets, soonest first; empty when no SLA policy applies. */
            sla: components["schemas"]["TicketSlaInput"][];
            /** @description The ticket type and the form version the ticket follows. */
            type: {
                key: string;
                label: {
                    "zh-CN": string;
                    en: string;
                };
                version: number;
            } | null;
            /** @description Custom field values the caller may read, by key. */
            fields: {
                [key: string]: unknown;
            };
        };
        AttachmentInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            ticketId: string;
            messageId: string | null;
            filename: string;
            contentType: string;
            size: number;
            sha256: string;
            createdAt: unknown;
        };
        MessageInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            ticketId: string;
            authorUserId: string | null;
            authorContactId: string | null;
            internal: boolean;
            body: string;
            /** @description The channel it came by, or (a reply) goes out on; `agent` for internal notes. */
            channel: string;
            /** @description Replies a channel delivers (email, WeChat): queued → sent | failed. Null: nothing to deliver. */
            deliveryStatus: ("queued" | "sent" | "failed") | null;
            deliveryError: string | null;
            createdAt: unknown;
        };
        TimelineEntryInput: {
            /** Format: uuid */
            id: string;
            type: string;
            createdAt: unknown;
            actor: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            field: string | null;
            oldValue: unknown;
            newValue: unknown;
            message: {
                /** Format: uuid */
                id: string;
                body: string;
                /** @description Sanitised HTML of a rich message (email); `body` is its plain text. */
                bodyHtml: string | null;
                internal: boolean;
                channel: string;
                /** @description The customer who wrote it; agents are the entry's `actor`. */
                authorContact: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                } | null;
                /** @description Replies a channel delivers (email, WeChat): queued → sent | failed. Null: nothing to deliver. */
                deliveryStatus: ("queued" | "sent" | "failed") | null;
                deliveryError: string | null;
                /** @description What the channel knows of it: email headers, a call's direction and duration, … */
                meta: {
                    [key: string]: unknown;
                };
                attachments: {
                    /** Format: uuid */
                    id: string;
                    filename: string;
                    contentType: string;
                    size: number;
                }[];
            } | null;
        };
        CategoryInput: {
            /** Format: uuid */
            id: string;
            parentId: string | null;
            nameZh: string;
            nameEn: string;
            position: number;
            active: boolean;
            defaultTeamId: string | null;
            createdAt: unknown;
        };
        PriorityInput: {
            key: string;
            nameZh: string;
            nameEn: string;
            rank: number;
            color: string;
            isDefault: boolean;
            active: boolean;
        };
        TicketChannelInput: {
            /** @description What tickets and messages store in `channel`. */
            key: string;
            labels: {
                "zh-CN": string;
                en: string;
            };
            /** @description An agent's reply on a ticket of this channel is sent back on it. */
            deliversReplies: boolean;
            /** @description One of the platform's own channels (api, web, phone, email, portal); else an installed channel module's. */
            builtIn: boolean;
        };
        SystemActorNameInput: {
            /** Format: uuid */
            id: string;
            /** @description `assignment`, `assignment:<strategy>`, `sla`, `automation` or `rule:<id>`. */
            kind: string;
            labels: {
                "zh-CN": string;
                en: string;
            };
        };
        SecuritySettingsInput: {
            /** @description Admin entries: IP addresses, CIDR ranges, host names that outbound connections (mailbox SMTP/IMAP) may reach although internal. */
            outboundAllow: string[];
            /** @description Entries from OPENCSM_OUTBOUND_ALLOW (read-only here). */
            outboundAllowFromConfig: string[];
            /** @description 0 until first saved. */
            version: number;
            updatedAt: unknown | null;
        };
        JobInput: {
            /** Format: uuid */
            id: string;
            type: string;
            state: string;
            attempts: number;
            maxAttempts: number;
            runAt: unknown;
            lastError: string | null;
            createdAt: unknown;
            updatedAt: unknown;
        };
        MailboxInput: {
            /** Format: uuid */
            id: string;
            address: string;
            name: string;
            teamId: string | null;
            signature: string;
            /** @enum {string} */
            language: "zh-CN" | "en";
            autoAcknowledge: boolean;
            active: boolean;
            outbound: {
                host: string;
                port: number;
                secure: boolean;
                user: string | null;
                hasPassword: boolean;
            } | null;
            imap: {
                host: string;
                port: number;
                secure: boolean;
                user: string;
                folder: string;
                /** @enum {string} */
                afterFetch: "seen" | "move";
                moveTo: string | null;
                pollSeconds: number;
                hasPassword: boolean;
                lastPolledAt: unknown | null;
                lastError: string | null;
                lastUid: number;
            } | null;
            version: number;
            createdAt: unknown;
            updatedAt: unknown;
        };
        SurveyInput: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "csat" | "nps";
            ticketId: string | null;
            /** Format: uuid */
            contactId: string;
            /** @description email, portal, or a registered channel (wechat, wecom, sms) */
            channel: string;
            /** @enum {string} */
            status: "scheduled" | "sending" | "delivered" | "answered" | "skipped" | "failed" | "cancelled";
            /** @description NPS: the period it belongs to */
            period: string | null;
            /** @description CSAT 1–5, NPS 0–10 */
            score: number | null;
            comment: string | null;
            /** @description Why it was skipped, failed or cancelled, or why an NPS survey went to the portal instead of its channel (message key) */
            reason: string | null;
            /** @description The 回访 ticket a low rating opened */
            followUpTicketId: string | null;
            dueAt: unknown | null;
            sentAt: unknown | null;
            deliveredAt: unknown | null;
            answeredAt: unknown | null;
            expiresAt: unknown | null;
            createdAt: unknown;
        };
        SurveySettingsInput: {
            csatEnabled: boolean;
            csatDelayMinutes: number;
            csatCooldownDays: number;
            lowRatingThreshold: number;
            followUpTypeKey: string;
            linkValidDays: number;
            npsEnabled: boolean;
            npsIntervalDays: number;
            npsSamplePercent: number;
            npsTierKeys: string[];
            npsQuietDaysAfterComplaint: number;
            npsComplaintTypeKey: string;
            /**
             * @description Invitations' language for customers without their own (a contact's `locale` attribute, zh-CN or en, comes first).
             * @enum {string}
             */
            invitationLocale: "zh-CN" | "en";
            version: number;
            updatedAt: unknown | null;
        };
        SurveyPageInput: {
            /** @enum {string} */
            kind: "csat" | "nps";
            ticketNumber: string | null;
            ticketSubject: string | null;
            scores: number[];
            score: number | null;
            comment: string | null;
            answered: boolean;
            expiresAt: unknown;
        };
        SurveyStatsInput: {
            /** @enum {string} */
            kind: "csat" | "nps";
            /** @enum {string} */
            by: "channel" | "team" | "organization" | "tier" | "period" | "month" | "field";
            /** @description with by=field: the customer field grouped by */
            field?: string;
            responseRates: {
                channel: string;
                delivered: number;
                answered: number;
                /** @description answers ÷ surveys delivered */
                responseRate: number | null;
            }[];
            groups: {
                key: string | null;
                /** @description by=field: the option's label (null: no value or an option no longer defined) */
                label?: {
                    "zh-CN": string;
                    en: string;
                } | null;
                answered: number;
                average: number | null;
                /** @description share of 4–5 stars */
                csat: number | null;
                /** @description % promoters − % detractors */
                nps: number | null;
                promoters: number;
                passives: number;
                detractors: number;
            }[];
        };
        PortalNpsInput: {
            /** Format: uuid */
            id: string;
            survey: components["schemas"]["SurveyPageInput"];
        };
        BusinessCalendarInput: {
            /** Format: uuid */
            id: string;
            nameZh: string;
            nameEn: string;
            isDefault: boolean;
            version: number;
            timeZone: string;
            /** @description Seven days, Sunday first (index 0 = Sunday, 1 = Monday … 6 = Saturday). */
            weekly: {
                start: string;
                end: string;
            }[][];
            holidays: string[];
            workdays: string[];
            makeUpDaySchedule: {
                start: string;
                end: string;
            }[] | null;
            alwaysOpen: boolean;
            holidayYears: number[];
        };
        YearHolidayScheduleInput: {
            year: number;
            source?: string;
            holidays: {
                date: string;
                name: string;
            }[];
            workdays: {
                date: string;
                name: string;
            }[];
        };
        SlaPolicyConditionsInput: {
            /** @description Every condition must hold. Empty: the policy applies to every ticket. */
            all: {
                /** @description A filterable field of the ticket from the field registry (`priority`, `categoryId` — the category with its ancestors —, `channel`, `type`, `team`, `assignee`, `requester`, `tags`, `created`, a custom field as `fields.<key>`) or a fact of its customer (`customerTier`, `organizationId`, `contractType`). `GET /api/v1/sla/condition-fields` lists them with their operators and options. */
                field: string;
                /**
                 * @description An operator of the condition language the field's type takes (docs/conditions.md): `in`: the ticket has one of the values; `not_in`: it has none of them (a ticket without a category is `not_in` every category list); `is`, `gt`, `between` …; `is_empty` takes no values.
                 * @enum {string}
                 */
                op: "is" | "is_not" | "in" | "not_in" | "contains" | "starts_with" | "is_empty" | "is_not_empty" | "gt" | "lt" | "gte" | "lte" | "between";
                /** @description The operands, always a list: one value for `is`, `gt` …, two for `between`, none for `is_empty`. */
                values: (string | number | boolean)[];
            }[];
        };
        SlaPriorityTargetsInput: {
            firstResponseMinutes?: number;
            /** @description After each customer message that awaits an answer. */
            nextResponseMinutes?: number;
            resolutionMinutes?: number;
        };
        SlaEscalationActionInput: {
            /** @constant */
            type: "notify";
            /** @enum {string} */
            to: "assignee" | "team_lead" | "supervisors" | "user";
            /**
             * Format: uuid
             * @description Only with `to: "user"`, and then required.
             */
            userId?: string;
        } | {
            /** @constant */
            type: "reassign";
            /** @enum {string} */
            to: "team_lead" | "user";
            /**
             * Format: uuid
             * @description Only with `to: "user"`, and then required.
             */
            userId?: string;
        } | {
            /** @constant */
            type: "set_priority";
            priority: string;
        };
        SlaEscalationStepInput: {
            /** @description Wall-clock minutes after the breach (0: at the breach). */
            afterMinutes: number;
            /**
             * @description Which target's breach starts this step; `any`: the breach of each target (and of each next-response cycle), each firing once.
             * @enum {string}
             */
            target: "first_response" | "next_response" | "resolution" | "any";
            actions: components["schemas"]["SlaEscalationActionInput"][];
            /**
             * @description Hold notifications that fall outside the policy calendar's business hours until it opens.
             * @default true
             */
            businessHoursOnly: boolean;
        };
        SlaConditionFieldInput: {
            /** @description What a condition names in `field`: a built-in field, `fields.<key>` for a custom one, or a customer fact. */
            key: string;
            label: {
                "zh-CN": string;
                en: string;
            };
            /** @enum {string} */
            source: "ticket" | "custom" | "customer";
            /** @description Its condition-language type (select, multiselect, number, boolean …; docs/conditions.md). */
            type: string;
            operators: ("is" | "is_not" | "in" | "not_in" | "contains" | "starts_with" | "is_empty" | "is_not_empty" | "gt" | "lt" | "gte" | "lte" | "between")[];
            /** @description Values to choose from, labelled; a cascader's options at every level, labelled with their path (广东省 / 深圳市). Absent: values the console lists itself (priorities, categories, tiers, teams, users) or free values (tags, contract types). */
            options?: {
                value: string;
                label: {
                    "zh-CN": string;
                    en: string;
                };
                deleted?: boolean;
            }[];
        };
        SlaPolicyInput: {
            /** Format: uuid */
            id: string;
            nameZh: string;
            nameEn: string;
            /** @description 0-based; policies are tried in this order and the first match wins. */
            position: number;
            active: boolean;
            conditions: components["schemas"]["SlaPolicyConditionsInput"];
            /** @description Business minutes per priority key. A missing priority or a missing target: no target for it. */
            targets: {
                [key: string]: components["schemas"]["SlaPriorityTargetsInput"];
            };
            /** @description Null: the default calendar. */
            calendarId: string | null;
            /** @description Ticket statuses that stop the clock, usually `pending` (waiting for the customer, 等待备件). */
            pauseStatuses: ("new" | "open" | "pending" | "resolved" | "closed")[];
            warningPercent: number | null;
            escalation: components["schemas"]["SlaEscalationStepInput"][];
            version: number;
            createdAt: unknown;
            updatedAt: unknown;
        };
        SlaTimerInput: {
            /** @enum {string} */
            target: "first_response" | "next_response" | "resolution";
            /** @enum {string} */
            state: "running" | "warning" | "breached" | "paused" | "met";
            dueAt: unknown | null;
            remainingMinutes: number;
            targetMinutes: number;
            cycle: number;
            /** Format: uuid */
            policyId: string;
            /** Format: uuid */
            calendarId: string;
            startedAt: unknown;
            pausedAt: unknown | null;
            metAt: unknown | null;
            breachedAt: unknown | null;
            nextCheckAt: unknown | null;
            fired: string[];
            history: {
                at: string;
                event: string;
                detail?: {
                    [key: string]: unknown;
                };
            }[];
        };
        CustomerMessageInput: {
            /** Format: uuid */
            id: string;
            ticket: {
                /** Format: uuid */
                id: string;
                number: string;
                subject: string;
                status: string;
            };
            channel: string;
            internal: boolean;
            author: {
                /** @constant */
                kind: "customer";
            } | {
                /** @constant */
                kind: "agent";
                /** Format: uuid */
                id: string;
                name: string;
            } | {
                /** @constant */
                kind: "system";
            };
            body: string;
            attachmentCount: number;
            createdAt: unknown;
        };
        FeishuTeamRobotInput: {
            /** Format: uuid */
            teamId: string;
            webhookSet: boolean;
            signed: boolean;
            sandbox: boolean;
            enabled: boolean;
            version: number;
            updatedAt: unknown;
        };
        NotificationInput: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "ticket_assigned" | "team_ticket_unassigned" | "customer_replied" | "internal_note" | "sla_warning" | "sla_breached" | "rule" | "admin_notice";
            ticketId: string | null;
            /** @description In the reader's language. */
            title: string;
            /** @description What caused it: agent, customer, sla, rule:<id> … */
            cause: string;
            createdAt: unknown;
            readAt: unknown | null;
        };
        NotificationPageInput: {
            items: components["schemas"]["NotificationInput"][];
            nextCursor: string | null;
            unreadCount: number;
        };
        NotificationPreferencesInput: {
            kinds: {
                ticket_assigned: {
                    enabled: boolean;
                    email: boolean;
                    wecom: boolean;
                    dingtalk: boolean;
                };
                team_ticket_unassigned: {
                    enabled: boolean;
                    email: boolean;
                    wecom: boolean;
                    dingtalk: boolean;
                };
                customer_replied: {
                    enabled: boolean;
                    email: boolean;
                    wecom: boolean;
                    dingtalk: boolean;
                };
                internal_note: {
                    enabled: boolean;
                    email: boolean;
                    wecom: boolean;
                    dingtalk: boolean;
                };
                sla_warning: {
                    enabled: boolean;
                    email: boolean;
                    wecom: boolean;
                    dingtalk: boolean;
                };
                sla_breached: {
                    enabled: boolean;
                    email: boolean;
                    wecom: boolean;
                    dingtalk: boolean;
                };
                rule: {
                    enabled: boolean;
                    email: boolean;
                    wecom: boolean;
                    dingtalk: boolean;
                };
                admin_notice: {
                    enabled: boolean;
                    email: boolean;
                    wecom: boolean;
                    dingtalk: boolean;
                };
            };
            quietHours: {
                start: string;
                end: string;
            } | null;
            timeZone: string;
            digest: {
                enabled: boolean;
                at: string;
            };
            /** @description 0 until first saved. */
            version: number;
            /** @description Channels this user can receive: email needs the mail relay, WeCom and DingTalk a staff link. */
            available: {
                email: boolean;
                wecom: boolean;
                dingtalk: boolean;
            };
        };
        ArticleAttachmentInput: {
            id: string;
            url: string;
            filename: string;
            contentType: string;
            size: number;
        };
        ArticleInput: {
            id: string;
            slug: string;
            /** @enum {string} */
            status: "draft" | "in_review" | "published" | "archived";
            /** @enum {string} */
            visibility: "internal" | "public" | "restricted";
            organizationIds: string[];
            tierKeys: string[];
            categoryId: string | null;
            tags: string[];
            relatedIds: string[];
            ownerId: string;
            reviewerId: string | null;
            reviewBy: string | null;
            version: number;
            createdBy: string;
            createdAt: unknown;
            updatedAt: unknown;
            publishedAt: unknown | null;
            translations: {
                /** @enum {string} */
                locale: "zh-CN" | "en";
                title: string;
                bodyHtml: string;
                bodyText: string;
            }[];
            related: {
                id: string;
                slug: string;
                titles: {
                    [key: string]: string;
                };
            }[];
            attachments: components["schemas"]["ArticleAttachmentInput"][];
            abilities?: {
                edit: boolean;
                submit: boolean;
                review: boolean;
            };
        };
        PublicArticleInput: {
            id: string;
            slug: string;
            categoryId: string | null;
            tags: string[];
            translations: {
                /** @enum {string} */
                locale: "zh-CN" | "en";
                title: string;
                bodyHtml: string;
                bodyText: string;
            }[];
            related: {
                id: string;
                slug: string;
                titles: {
                    [key: string]: string;
                };
            }[];
            attachments: components["schemas"]["ArticleAttachmentInput"][];
            updatedAt: unknown;
            publishedAt: unknown | null;
        };
        ArticleHitInput: {
            id: string;
            slug: string;
            /** @enum {string} */
            locale: "zh-CN" | "en";
            title: string;
            snippet: string;
            /** @enum {string} */
            status: "draft" | "in_review" | "published" | "archived";
            /** @enum {string} */
            visibility: "internal" | "public" | "restricted";
            categoryId: string | null;
            tags: string[];
            updatedAt: unknown;
            matchedWords?: string[];
        };
        PublicArticleHitInput: {
            id: string;
            slug: string;
            /** @enum {string} */
            locale: "zh-CN" | "en";
            title: string;
            snippet: string;
            categoryId: string | null;
            tags: string[];
            updatedAt: unknown;
            matchedWords?: string[];
        };
        KnowledgeCategoryInput: {
            id: string;
            parentId: string | null;
            nameZh: string;
            nameEn: string;
            position: number;
            createdAt: unknown;
        };
        ArticleVersionInput: {
            articleId: string;
            number: number;
            status: string;
            reason: string;
            restoredFrom: number | null;
            actorId: string;
            createdAt: unknown;
        };
        ArticleDiffInput: {
            texts: {
                locale: string;
                /** @enum {string} */
                field: "title" | "body";
                lines: {
                    /** @enum {string} */
                    op: "same" | "added" | "removed";
                    text: string;
                }[];
            }[];
            settings: {
                field: string;
                from: unknown;
                to: unknown;
            }[];
        };
        MacroInput: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            scope: "personal" | "shared";
            ownerId: string | null;
            name: string;
            shortcut: string | null;
            body: string;
            /**
             * @description `reply`: lands in the composer as a public reply; `note`: as an internal note.
             * @enum {string}
             */
            bodyKind: "reply" | "note";
            /** @description Ticket changes applied with the macro; each is optional. `fields`: custom values by key (null clears one), judged by the ticket's form when applied. */
            actions: {
                /** @enum {string} */
                status?: "new" | "open" | "pending" | "resolved" | "closed";
                priority?: string;
                teamId?: string | null;
                assigneeId?: string | null;
                tagsAdd?: string[];
                tagsRemove?: string[];
                fields?: {
                    [key: string]: unknown;
                };
            };
            teamIds: string[];
            active: boolean;
            usageCount: number;
            lastUsedAt: unknown | null;
            version: number;
            createdAt: unknown;
            updatedAt: unknown;
            abilities: {
                update: boolean;
                delete: boolean;
            };
        };
        CustomerNoticeSettingsInput: {
            scope: string;
            noticesEnabled: boolean;
            noticeKinds: ("scheduled" | "rescheduled" | "cancelled")[];
            reminderTime: string | null;
            companyName: string | null;
        };
        DispatchReasonInput: {
            code: string;
            params?: {
                [key: string]: string | number;
            };
        };
        DispatchBoardInput: {
            from: string;
            dates: string[];
            /** @description the first instant of each date in the installation's time zone */
            dayStarts: unknown[];
            speedKmh: number;
            engineers: {
                /** Format: uuid */
                id: string;
                name: string;
                skills: string[];
                zones: string[];
                dailyCapacity: number;
                lastPosition: {
                    lat: number;
                    lng: number;
                } | null;
                days: {
                    date: string;
                    count: number;
                    minutes: number;
                    overCapacity: boolean;
                    conflicts: number;
                }[];
                visits: {
                    /** Format: uuid */
                    id: string;
                    number: string | null;
                    /** @enum {string} */
                    status: "pending_dispatch" | "dispatched" | "accepted" | "rejected" | "departed" | "arrived" | "in_service" | "awaiting_confirmation" | "completed" | "cancelled" | "revisit_needed";
                    priority: string | null;
                    serviceType: {
                        "zh-CN": string;
                        /** @default  */
                        en: string;
                    } | null;
                    site: {
                        regionNames: string[];
                        street: string;
                        lat: number | null;
                        lng: number | null;
                    } | null;
                    start: unknown;
                    end: unknown;
                    date: string;
                    visible: boolean;
                    conflicts: components["schemas"]["DispatchReasonInput"][];
                    travelFromPrevious: {
                        km: number;
                        minutes: number;
                    } | null;
                }[];
            }[];
            unscheduled: {
                items: {
                    /** Format: uuid */
                    id: string;
                    number: string;
                    /** Format: uuid */
                    ticketId: string;
                    /** @enum {string} */
                    status: "pending_dispatch" | "dispatched" | "accepted" | "rejected" | "departed" | "arrived" | "in_service" | "awaiting_confirmation" | "completed" | "cancelled" | "revisit_needed";
                    priority: string;
                    serviceType: {
                        "zh-CN": string;
                        /** @default  */
                        en: string;
                    };
                    requiredSkills: string[];
                    estimatedMinutes: number;
                    appointmentStart: unknown | null;
                    appointmentEnd: unknown | null;
                    slaDueAt: unknown | null;
                    site: {
                        regionNames: string[];
                        street: string;
                        lat: number | null;
                        lng: number | null;
                    } | null;
                    reason: string | null;
                }[];
                nextCursor: string | null;
            };
        };
        DispatchSuggestionsInput: {
            ranked: {
                /** Format: uuid */
                engineerId: string;
                name: string;
                score: number;
                distanceKm: number | null;
                reasons: components["schemas"]["DispatchReasonInput"][];
            }[];
            /** @description only with `all=1` */
            excluded: {
                /** Format: uuid */
                engineerId: string;
                name: string;
                reasons: components["schemas"]["DispatchReasonInput"][];
            }[];
        };
        EngineerProfileInput: {
            /** Format: uuid */
            id: string;
            name: string;
            teamIds: string[];
            skills: string[];
            zones: string[];
            home: {
                region: string[];
                street: string;
                lat: number | null;
                lng: number | null;
                /** @constant */
                coordinateSystem: "gcj02";
            } | null;
            dailyCapacity: number;
            lastLat: number | null;
            lastLng: number | null;
            lastSeenAt: unknown | null;
            /** @description 0 until the profile is first edited */
            version: number;
        };
        MapSettingsInput: {
            /** @constant */
            provider: "amap";
            apiKey: string | null;
            securityCodeSet: boolean;
            scriptBaseUrl: string;
        };
        MapConfigInput: {
            /** @constant */
            configured: false;
            scriptBaseUrl: string;
        } | {
            /** @constant */
            configured: true;
            /** @constant */
            provider: "amap";
            apiKey: string;
            securityCode: string;
            scriptUrl: string;
        };
        ServiceTypeInput: {
            /** Format: uuid */
            id: string;
            key: string;
            name: {
                "zh-CN": string;
                /** @default  */
                en: string;
            };
            defaultDurationMinutes: number;
            requiredSkills: string[];
            checkInRadiusMeters: number;
            autoDispatch: boolean;
            /** @enum {string} */
            autoDispatchPick: "best" | "nearest" | "least_loaded";
            autoDispatchWithinHours: number | null;
            active: boolean;
            position: number;
            currentVersion: number | null;
            version: number;
            forms: {
                version: number;
                fields: ({
                    key: string;
                    label: {
                        "zh-CN": string;
                        /** @default  */
                        en: string;
                    };
                    help?: {
                        "zh-CN"?: string;
                        /** @default  */
                        en: string;
                    };
                    type: string;
                    options?: components["schemas"]["__shared"][];
                    /** @default {} */
                    settings: {
                        min?: number;
                        max?: number;
                        maxLength?: number;
                        decimals?: number;
                        /** @enum {string} */
                        optionSource?: "china-regions";
                        levels?: number;
                        recordKind?: string;
                        scale?: number;
                    };
                    /** @default false */
                    customerVisible: boolean;
                    /** @default [] */
                    readRoles: string[];
                    /** @default [] */
                    writeRoles: string[];
                    id: string;
                    archived: boolean;
                    version: number;
                } & {
                    [key: string]: unknown;
                })[];
                form: {
                    sections: {
                        key: string;
                        label: {
                            "zh-CN": string;
                            /** @default  */
                            en: string;
                        };
                        fields: {
                            key: string;
                            /**
                             * @default full
                             * @enum {string}
                             */
                            width: "full" | "half" | "third";
                            /** @default false */
                            required: boolean;
                            help?: {
                                "zh-CN"?: string;
                                /** @default  */
                                en: string;
                            };
                            default?: unknown;
                        }[];
                    }[];
                    /** @default [] */
                    rules: {
                        id: string;
                        label?: string;
                        when?: unknown;
                        then: ({
                            /** @constant */
                            effect: "show";
                            field: string;
                        } | {
                            /** @constant */
                            effect: "hide";
                            field: string;
                        } | {
                            /** @constant */
                            effect: "require";
                            field: string;
                        } | {
                            /** @constant */
                            effect: "read_only";
                            field: string;
                        } | {
                            /** @constant */
                            effect: "options";
                            field: string;
                            values: string[];
                        } | {
                            /** @constant */
                            effect: "default";
                            field: string;
                            value: unknown;
                        } | {
                            /** @constant */
                            effect: "set";
                            field: string;
                            value: unknown;
                        } | {
                            /** @constant */
                            effect: "compute";
                            field: string;
                            /** @enum {string} */
                            formula: "sum" | "product" | "difference" | "days_between";
                            of: string[];
                        })[];
                    }[];
                    /**
                     * @default {
                     *       "enabled": false,
                     *       "fields": []
                     *     }
                     */
                    portal: {
                        /** @default false */
                        enabled: boolean;
                        title?: {
                            "zh-CN": string;
                            /** @default  */
                            en: string;
                        };
                        /** @default [] */
                        fields: {
                            key: string;
                            /**
                             * @default full
                             * @enum {string}
                             */
                            width: "full" | "half" | "third";
                            /** @default false */
                            required: boolean;
                            help?: {
                                "zh-CN"?: string;
                                /** @default  */
                                en: string;
                            };
                            default?: unknown;
                        }[];
                    };
                };
                reportFields: ({
                    key: string;
                    label: {
                        "zh-CN": string;
                        /** @default  */
                        en: string;
                    };
                    help?: {
                        "zh-CN"?: string;
                        /** @default  */
                        en: string;
                    };
                    type: string;
                    options?: components["schemas"]["__shared"][];
                    /** @default {} */
                    settings: {
                        min?: number;
                        max?: number;
                        maxLength?: number;
                        decimals?: number;
                        /** @enum {string} */
                        optionSource?: "china-regions";
                        levels?: number;
                        recordKind?: string;
                        scale?: number;
                    };
                    /** @default false */
                    customerVisible: boolean;
                    /** @default [] */
                    readRoles: string[];
                    /** @default [] */
                    writeRoles: string[];
                    id: string;
                    archived: boolean;
                    version: number;
                } & {
                    [key: string]: unknown;
                })[];
                reportForm: {
                    sections: {
                        key: string;
                        label: {
                            "zh-CN": string;
                            /** @default  */
                            en: string;
                        };
                        fields: {
                            key: string;
                            /**
                             * @default full
                             * @enum {string}
                             */
                            width: "full" | "half" | "third";
                            /** @default false */
                            required: boolean;
                            help?: {
                                "zh-CN"?: string;
                                /** @default  */
                                en: string;
                            };
                            default?: unknown;
                        }[];
                    }[];
                    /** @default [] */
                    rules: {
                        id: string;
                        label?: string;
                        when?: unknown;
                        then: ({
                            /** @constant */
                            effect: "show";
                            field: string;
                        } | {
                            /** @constant */
                            effect: "hide";
                            field: string;
                        } | {
                            /** @constant */
                            effect: "require";
                            field: string;
                        } | {
                            /** @constant */
                            effect: "read_only";
                            field: string;
                        } | {
                            /** @constant */
                            effect: "options";
                            field: string;
                            values: string[];
                        } | {
                            /** @constant */
                            effect: "default";
                            field: string;
                            value: unknown;
                        } | {
                            /** @constant */
                            effect: "set";
                            field: string;
                            value: unknown;
                        } | {
                            /** @constant */
                            effect: "compute";
                            field: string;
                            /** @enum {string} */
                            formula: "sum" | "product" | "difference" | "days_between";
                            of: string[];
                        })[];
                    }[];
                    /**
                     * @default {
                     *       "enabled": false,
                     *       "fields": []
                     *     }
                     */
                    portal: {
                        /** @default false */
                        enabled: boolean;
                        title?: {
                            "zh-CN": string;
                            /** @default  */
                            en: string;
                        };
                        /** @default [] */
                        fields: {
                            key: string;
                            /**
                             * @default full
                             * @enum {string}
                             */
                            width: "full" | "half" | "third";
                            /** @default false */
                            required: boolean;
                            help?: {
                                "zh-CN"?: string;
                                /** @default  */
                                en: string;
                            };
                            default?: unknown;
                        }[];
                    };
                };
            } | null;
            createdAt: unknown;
            updatedAt: unknown;
        };
        WorkOrderInput: {
            /** Format: uuid */
            id: string;
            number: string;
            /** Format: uuid */
            ticketId: string;
            serviceType: {
                /** Format: uuid */
                id: string;
                key: string;
                name: {
                    "zh-CN": string;
                    /** @default  */
                    en: string;
                };
            };
            serviceTypeVersion: number | null;
            /** @enum {string} */
            status: "pending_dispatch" | "dispatched" | "accepted" | "rejected" | "departed" | "arrived" | "in_service" | "awaiting_confirmation" | "completed" | "cancelled" | "revisit_needed";
            priority: string;
            teamId: string | null;
            engineer: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            requester: {
                /** Format: uuid */
                id: string;
                name: string;
                phone: string | null;
                organization: string | null;
            } | null;
            site: {
                region: string[];
                /** @description the 省/市/区 names of `region`, in Chinese */
                regionNames: string[];
                street: string;
                lat: number | null;
                lng: number | null;
                /** @constant */
                coordinateSystem: "gcj02";
            } | null;
            appointmentStart: unknown | null;
            appointmentEnd: unknown | null;
            appointmentAgreed: boolean;
            deviceIds: string[];
            devices: {
                /** Format: uuid */
                id: string;
                type: string;
                title: string;
                status: string | null;
                expiresOn: string | null;
            }[];
            requiredSkills: string[];
            estimatedMinutes: number;
            fields: {
                [key: string]: unknown;
            };
            report: {
                fault: string;
                cause: string;
                action: string;
                fields: {
                    [key: string]: unknown;
                };
                parts: {
                    name: string;
                    model: string | null;
                    quantity: number;
                }[];
                labourMinutes: number | null;
                photoIds: string[];
                signatureId: string | null;
                rating: number | null;
            } | null;
            reason: string | null;
            allowedSteps: ("dispatch" | "accept" | "reject" | "depart" | "arrive" | "start" | "report" | "finish" | "cancel" | "revisit")[];
            version: number;
            createdAt: unknown;
            updatedAt: unknown;
        };
        WorkOrderDetailInput: {
            /** Format: uuid */
            id: string;
            number: string;
            /** Format: uuid */
            ticketId: string;
            serviceType: {
                /** Format: uuid */
                id: string;
                key: string;
                name: {
                    "zh-CN": string;
                    /** @default  */
                    en: string;
                };
            };
            serviceTypeVersion: number | null;
            /** @enum {string} */
            status: "pending_dispatch" | "dispatched" | "accepted" | "rejected" | "departed" | "arrived" | "in_service" | "awaiting_confirmation" | "completed" | "cancelled" | "revisit_needed";
            priority: string;
            teamId: string | null;
            engineer: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            requester: {
                /** Format: uuid */
                id: string;
                name: string;
                phone: string | null;
                organization: string | null;
            } | null;
            site: {
                region: string[];
                /** @description the 省/市/区 names of `region`, in Chinese */
                regionNames: string[];
                street: string;
                lat: number | null;
                lng: number | null;
                /** @constant */
                coordinateSystem: "gcj02";
            } | null;
            appointmentStart: unknown | null;
            appointmentEnd: unknown | null;
            appointmentAgreed: boolean;
            deviceIds: string[];
            devices: {
                /** Format: uuid */
                id: string;
                type: string;
                title: string;
                status: string | null;
                expiresOn: string | null;
            }[];
            requiredSkills: string[];
            estimatedMinutes: number;
            fields: {
                [key: string]: unknown;
            };
            report: {
                fault: string;
                cause: string;
                action: string;
                fields: {
                    [key: string]: unknown;
                };
                parts: {
                    name: string;
                    model: string | null;
                    quantity: number;
                }[];
                labourMinutes: number | null;
                photoIds: string[];
                signatureId: string | null;
                rating: number | null;
            } | null;
            reason: string | null;
            allowedSteps: ("dispatch" | "accept" | "reject" | "depart" | "arrive" | "start" | "report" | "finish" | "cancel" | "revisit")[];
            version: number;
            createdAt: unknown;
            updatedAt: unknown;
            steps: {
                /** Format: uuid */
                id: string;
                type: string;
                from: string;
                to: string;
                actor: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                } | null;
                at: unknown;
                recordedAt: unknown;
                lat: number | null;
                lng: number | null;
                distanceMeters: number | null;
                beyondRadius: boolean | null;
                detail: {
                    [key: string]: unknown;
                };
            }[];
            attachments: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                clientId: string;
                kind: string;
                filename: string;
                contentType: string;
                size: number;
                createdAt: unknown;
            }[];
        };
        WebhookEndpointInput: {
            id: string;
            url: string;
            description: string;
            eventTypes: string[];
            enabled: boolean;
            /** @description gone: answered 410; failing: every attempt failed for 3 days */
            disabledReason: ("admin" | "gone" | "failing") | null;
            disabledAt: unknown | null;
            headerNames: string[];
            /** @description Active secrets, newest first (values are never answered) */
            secrets: {
                id: string;
                createdAt: string;
                expiresAt: string | null;
            }[];
            failingSince: unknown | null;
            version: number;
            createdAt: unknown;
            updatedAt: unknown;
        };
        WebhookEndpointWithSecretInput: {
            endpoint: components["schemas"]["WebhookEndpointInput"];
            /** @description whsec_…: shown this once */
            secret: string;
        };
        WebhookEventTypeInput: {
            type: string;
            labels: {
                "zh-CN": string;
                en: string;
            };
            fields: string[];
        };
        WebhookDeliveryInput: {
            id: string;
            /** @description The webhook-id header: the same for every attempt and replay */
            messageId: string;
            eventType: string;
            eventId: number | null;
            cause: string;
            /** @enum {string} */
            status: "pending" | "delivered" | "failed";
            attempts: number;
            nextAttemptAt: unknown | null;
            lastAttemptAt: unknown | null;
            lastResponseStatus: number | null;
            lastError: string | null;
            deliveredAt: unknown | null;
            createdAt: unknown;
        };
        WebhookAttemptInput: {
            number: number;
            manual: boolean;
            startedAt: unknown;
            durationMs: number;
            requestHeaders: {
                [key: string]: string;
            };
            responseStatus: number | null;
            /** @description The first 2 KB */
            responseBody: string | null;
            error: string | null;
            succeeded: boolean;
        };
        WebhookDeliveryDetailInput: {
            id: string;
            /** @description The webhook-id header: the same for every attempt and replay */
            messageId: string;
            eventType: string;
            eventId: number | null;
            cause: string;
            /** @enum {string} */
            status: "pending" | "delivered" | "failed";
            attempts: number;
            nextAttemptAt: unknown | null;
            lastAttemptAt: unknown | null;
            lastResponseStatus: number | null;
            lastError: string | null;
            deliveredAt: unknown | null;
            createdAt: unknown;
            body: string;
            attemptLog: components["schemas"]["WebhookAttemptInput"][];
        };
        __shared: {
            $defs: {
                schema0: {
                    value: string;
                    label: {
                        "zh-CN": string;
                        /** @default  */
                        en: string;
                    };
                    deleted?: boolean;
                    children?: components["schemas"]["__shared"][];
                };
            };
        };
        User: {
            /** Format: uuid */
            id: string;
            email: string;
            name: string;
            /** @enum {string} */
            role: "admin" | "supervisor" | "agent" | "field_engineer";
            locale: string;
            active: boolean;
            teamIds: string[];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        Team: {
            /** Format: uuid */
            id: string;
            name: string;
            description: string;
            memberIds: string[];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        ApiToken: {
            /** Format: uuid */
            id: string;
            name: string;
            prefix: string;
            /** Format: date-time */
            createdAt: string;
            expiresAt: string | null;
            revokedAt: string | null;
            lastUsedAt: string | null;
        };
        Me: {
            /** Format: uuid */
            id: string;
            email: string;
            name: string;
            /** @enum {string} */
            role: "admin" | "supervisor" | "agent" | "field_engineer";
            locale: string;
            teamIds: string[];
            permissions: string[];
        };
        SignInAuditEntry: {
            /** Format: uuid */
            id: string;
            userId: string | null;
            userName: string | null;
            email: string;
            ip: string;
            userAgent: string;
            /** @enum {string} */
            outcome: "success" | "failure" | "refused";
            reason: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        SignInLock: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "account" | "ip";
            subject: string;
            userId: string | null;
            userName: string | null;
            failures: number;
            /** Format: date-time */
            lockedUntil: string;
        };
        Field: {
            key: string;
            /** @enum {string} */
            entity: "ticket" | "contact" | "organisation";
            label: {
                "zh-CN": string;
                en: string;
            };
            /** @description A field of the ticket itself (subject, status …): listed for filters and conditions, not editable here. */
            builtIn: boolean;
            /** @description A custom field: its type (text, select, cascader …). A built-in one: its condition-language type. */
            type: string;
            /** @description How conditions judge its values (docs/conditions.md): a custom field's type row says it, registered types included; null: conditions cannot test it (attachments). */
            conditionType: ("text" | "number" | "money" | "date" | "datetime" | "select" | "multiselect" | "boolean" | "user" | "team" | "contact" | "organisation") | null;
            /** @description Condition operators the field takes (docs/conditions.md). */
            operators: string[];
            help?: {
                "zh-CN"?: string;
                en?: string;
            };
            /** @description Options `{value, label: {zh-CN, en}, deleted?, children?}`; `value` never changes, a label may. */
            options?: {
                [key: string]: unknown;
            }[];
            settings?: {
                [key: string]: unknown;
            };
            filterable: boolean;
            sortable: boolean;
            searchable: boolean;
            customerVisible: boolean;
            readRoles?: string[];
            writeRoles?: string[];
            archived: boolean;
            version?: number;
            position?: number;
            /** Format: date-time */
            createdAt?: string;
            /** Format: date-time */
            updatedAt?: string;
        };
        FieldType: {
            key: string;
            label: {
                "zh-CN": string;
                en: string;
            };
            /** @description One of the 20 types every installation has; false: a module registered it. */
            builtIn: boolean;
            /** @description How conditions judge its values (docs/conditions.md); null: conditions cannot test it. */
            conditionType: string | null;
            operators: string[];
            hasOptions: boolean;
            filterable: boolean;
            searchable: boolean;
        };
        TicketType: {
            /** Format: uuid */
            id: string;
            key: string;
            label: {
                "zh-CN": string;
                en: string;
            };
            active: boolean;
            position: number;
            defaultTeamId: string | null;
            defaultPriority: string | null;
            slaPolicyId: string | null;
            currentVersion: number | null;
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        TicketTypeVersion: {
            key: string;
            version: number;
            /** @description A form definition: `{sections, rules, portal}` (src/forms/definition.ts). */
            form: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            publishedAt: string;
            publishedBy: string | null;
        };
        TicketTypeForm: {
            type: {
                key: string;
                label: {
                    "zh-CN": string;
                    en: string;
                };
                version: number;
            };
            /** @description A form definition: `{sections, rules, portal}` (src/forms/definition.ts). */
            form: {
                [key: string]: unknown;
            };
            fields: components["schemas"]["Field"][];
        };
        ContactSummary: {
            /** Format: uuid */
            id: string;
            name: string;
            email: string | null;
            phone: string | null;
            organization: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            tierKey: string | null;
            anonymized: boolean;
        };
        ContactIdentity: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "email" | "phone" | "wechat_openid" | "wechat_unionid" | "wecom_external_userid" | "dingtalk_userid";
            value: string;
            display: string;
            /** Format: date-time */
            createdAt: string;
        };
        Contact: {
            /** Format: uuid */
            id: string;
            name: string;
            email: string | null;
            phone: string | null;
            organization: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            tierKey: string | null;
            anonymized: boolean;
            tags: string[];
            owner: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            notes: string;
            attributes: {
                [key: string]: unknown;
            };
            /** @description Custom field values the caller may read (a field's read roles), by key. */
            fields: {
                [key: string]: unknown;
            };
            identities: components["schemas"]["ContactIdentity"][];
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        Organization: {
            /** Format: uuid */
            id: string;
            name: string;
            tierKey: string | null;
            tags: string[];
            owner: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            notes: string;
            attributes: {
                [key: string]: unknown;
            };
            /** @description Custom field values the caller may read (a field's read roles), by key. */
            fields: {
                [key: string]: unknown;
            };
            contactCount: number;
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CustomerRecord: {
            /** Format: uuid */
            id: string;
            type: string;
            externalId: string;
            organizationId: string | null;
            contactId: string | null;
            title: string;
            status: string | null;
            occurredOn: string | null;
            expiresOn: string | null;
            payload: {
                [key: string]: unknown;
            };
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CustomerTier: {
            key: string;
            nameZh: string;
            nameEn: string;
            rank: number;
            color: string;
            active: boolean;
        };
        CustomerHistoryEntry: {
            id: number;
            type: string;
            actor: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            payload: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            createdAt: string;
        };
        TicketSearchSummary: {
            /** @enum {string} */
            scope: "all" | "view";
            total: number;
            totalCapped: boolean;
        };
        TicketViewFilters: {
            status?: ("new" | "open" | "pending" | "resolved" | "closed")[];
            priority?: string[];
            teamId?: string | "mine";
            assigneeId?: string | "me" | "none";
            tag?: string;
            /** @enum {string} */
            sla?: "due_soon" | "breached";
            q?: string;
            /** @description Filterable custom fields: each holds one of the values. */
            fields?: {
                [key: string]: string[];
            };
        };
        TicketView: {
            id: string;
            /** @constant */
            kind: "builtin";
            /** @enum {string} */
            key: "mine" | "unassigned" | "my_teams" | "open" | "due_soon" | "breached" | "solved";
            name: string;
            nameZh: string;
            nameEn: string;
            filters: components["schemas"]["TicketViewFilters"];
            /** @description A built-in order, or `fields.<key>` / `-fields.<key>` for a filterable single-value custom field. */
            sort: "-updatedAt" | "updatedAt" | "-createdAt" | "createdAt" | "priority" | "-priority" | "number" | "-number" | "slaDueAt" | "-slaDueAt" | "relevance";
        } | {
            /** Format: uuid */
            id: string;
            /** @constant */
            kind: "saved";
            name: string;
            filters: components["schemas"]["TicketViewFilters"];
            /** @description A built-in order, or `fields.<key>` / `-fields.<key>` for a filterable single-value custom field. */
            sort: "-updatedAt" | "updatedAt" | "-createdAt" | "createdAt" | "priority" | "-priority" | "number" | "-number" | "slaDueAt" | "-slaDueAt" | "relevance";
            columns: string[];
            position: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        TicketViewCounts: {
            counts: {
                [key: string]: number;
            };
            capped: string[];
            cap: number;
        };
        TicketBulkResults: {
            results: ({
                /** Format: uuid */
                id: string;
                /** @constant */
                ok: true;
                version: number;
            } | {
                /** Format: uuid */
                id: string;
                /** @constant */
                ok: false;
                problem: {
                    status: number;
                    code: string;
                    title: string;
                };
            })[];
        };
        TicketSla: {
            /** @enum {string} */
            target: "first_response" | "next_response" | "resolution";
            /** @description Null while paused (the due time moves when the clock resumes). */
            dueAt: string | null;
            /** @enum {string} */
            state: "running" | "warning" | "breached" | "paused" | "met";
            /** @description Business minutes left; negative once overdue; frozen while paused or met. */
            remainingMinutes: number;
        };
        Ticket: {
            /** Format: uuid */
            id: string;
            number: string;
            /** @description 原工单号: the number it had in the system it was imported from. */
            externalNumber: string | null;
            subject: string;
            description: string;
            /** @enum {string} */
            status: "new" | "open" | "pending" | "resolved" | "closed";
            priority: string;
            categoryId: string | null;
            channel: string;
            requester: components["schemas"]["ContactSummary"] | null;
            teamId: string | null;
            assigneeId: string | null;
            tags: string[];
            createdBy: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            firstResponseAt: string | null;
            resolvedAt: string | null;
            closedAt: string | null;
            version: number;
            abilities: {
                update: boolean;
                changeStatus: boolean;
                reply: boolean;
                note: boolean;
                reopen: boolean;
            };
            /** @description SLA targets, soonest first; empty when no SLA policy applies. */
            sla: components["schemas"]["TicketSla"][];
            /** @description The ticket type and the form version the ticket follows. */
            type: {
                key: string;
                label: {
                    "zh-CN": string;
                    en: string;
                };
                version: number;
            } | null;
            /** @description Custom field values the caller may read, by key. */
            fields: {
                [key: string]: unknown;
            };
        };
        Attachment: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            ticketId: string;
            messageId: string | null;
            filename: string;
            contentType: string;
            size: number;
            sha256: string;
            /** Format: date-time */
            createdAt: string;
        };
        Message: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            ticketId: string;
            authorUserId: string | null;
            authorContactId: string | null;
            internal: boolean;
            body: string;
            /** @description The channel it came by, or (a reply) goes out on; `agent` for internal notes. */
            channel: string;
            /** @description Replies a channel delivers (email, WeChat): queued → sent | failed. Null: nothing to deliver. */
            deliveryStatus: ("queued" | "sent" | "failed") | null;
            deliveryError: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        TimelineEntry: {
            /** Format: uuid */
            id: string;
            type: string;
            /** Format: date-time */
            createdAt: string;
            actor: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            field: string | null;
            oldValue: unknown;
            newValue: unknown;
            message: {
                /** Format: uuid */
                id: string;
                body: string;
                /** @description Sanitised HTML of a rich message (email); `body` is its plain text. */
                bodyHtml: string | null;
                internal: boolean;
                channel: string;
                /** @description The customer who wrote it; agents are the entry's `actor`. */
                authorContact: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                } | null;
                /** @description Replies a channel delivers (email, WeChat): queued → sent | failed. Null: nothing to deliver. */
                deliveryStatus: ("queued" | "sent" | "failed") | null;
                deliveryError: string | null;
                /** @description What the channel knows of it: email headers, a call's direction and duration, … */
                meta: {
                    [key: string]: unknown;
                };
                attachments: {
                    /** Format: uuid */
                    id: string;
                    filename: string;
                    contentType: string;
                    size: number;
                }[];
            } | null;
        };
        Category: {
            /** Format: uuid */
            id: string;
            parentId: string | null;
            nameZh: string;
            nameEn: string;
            position: number;
            active: boolean;
            defaultTeamId: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        Priority: {
            key: string;
            nameZh: string;
            nameEn: string;
            rank: number;
            color: string;
            isDefault: boolean;
            active: boolean;
        };
        TicketChannel: {
            /** @description What tickets and messages store in `channel`. */
            key: string;
            labels: {
                "zh-CN": string;
                en: string;
            };
            /** @description An agent's reply on a ticket of this channel is sent back on it. */
            deliversReplies: boolean;
            /** @description One of the platform's own channels (api, web, phone, email, portal); else an installed channel module's. */
            builtIn: boolean;
        };
        SystemActorName: {
            /** Format: uuid */
            id: string;
            /** @description `assignment`, `assignment:<strategy>`, `sla`, `automation` or `rule:<id>`. */
            kind: string;
            labels: {
                "zh-CN": string;
                en: string;
            };
        };
        SecuritySettings: {
            /** @description Admin entries: IP addresses, CIDR ranges, host names that outbound connections (mailbox SMTP/IMAP) may reach although internal. */
            outboundAllow: string[];
            /** @description Entries from OPENCSM_OUTBOUND_ALLOW (read-only here). */
            outboundAllowFromConfig: string[];
            /** @description 0 until first saved. */
            version: number;
            updatedAt: string | null;
        };
        Job: {
            /** Format: uuid */
            id: string;
            type: string;
            state: string;
            attempts: number;
            maxAttempts: number;
            /** Format: date-time */
            runAt: string;
            lastError: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        Mailbox: {
            /** Format: uuid */
            id: string;
            address: string;
            name: string;
            teamId: string | null;
            signature: string;
            /** @enum {string} */
            language: "zh-CN" | "en";
            autoAcknowledge: boolean;
            active: boolean;
            outbound: {
                host: string;
                port: number;
                secure: boolean;
                user: string | null;
                hasPassword: boolean;
            } | null;
            imap: {
                host: string;
                port: number;
                secure: boolean;
                user: string;
                folder: string;
                /** @enum {string} */
                afterFetch: "seen" | "move";
                moveTo: string | null;
                pollSeconds: number;
                hasPassword: boolean;
                lastPolledAt: string | null;
                lastError: string | null;
                lastUid: number;
            } | null;
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        Survey: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "csat" | "nps";
            ticketId: string | null;
            /** Format: uuid */
            contactId: string;
            /** @description email, portal, or a registered channel (wechat, wecom, sms) */
            channel: string;
            /** @enum {string} */
            status: "scheduled" | "sending" | "delivered" | "answered" | "skipped" | "failed" | "cancelled";
            /** @description NPS: the period it belongs to */
            period: string | null;
            /** @description CSAT 1–5, NPS 0–10 */
            score: number | null;
            comment: string | null;
            /** @description Why it was skipped, failed or cancelled, or why an NPS survey went to the portal instead of its channel (message key) */
            reason: string | null;
            /** @description The 回访 ticket a low rating opened */
            followUpTicketId: string | null;
            dueAt: string | null;
            sentAt: string | null;
            deliveredAt: string | null;
            answeredAt: string | null;
            expiresAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        SurveySettings: {
            csatEnabled: boolean;
            csatDelayMinutes: number;
            csatCooldownDays: number;
            lowRatingThreshold: number;
            followUpTypeKey: string;
            linkValidDays: number;
            npsEnabled: boolean;
            npsIntervalDays: number;
            npsSamplePercent: number;
            npsTierKeys: string[];
            npsQuietDaysAfterComplaint: number;
            npsComplaintTypeKey: string;
            /**
             * @description Invitations' language for customers without their own (a contact's `locale` attribute, zh-CN or en, comes first).
             * @enum {string}
             */
            invitationLocale: "zh-CN" | "en";
            version: number;
            updatedAt: string | null;
        };
        SurveyPage: {
            /** @enum {string} */
            kind: "csat" | "nps";
            ticketNumber: string | null;
            ticketSubject: string | null;
            scores: number[];
            score: number | null;
            comment: string | null;
            answered: boolean;
            /** Format: date-time */
            expiresAt: string;
        };
        SurveyStats: {
            /** @enum {string} */
            kind: "csat" | "nps";
            /** @enum {string} */
            by: "channel" | "team" | "organization" | "tier" | "period" | "month" | "field";
            /** @description with by=field: the customer field grouped by */
            field?: string;
            responseRates: {
                channel: string;
                delivered: number;
                answered: number;
                /** @description answers ÷ surveys delivered */
                responseRate: number | null;
            }[];
            groups: {
                key: string | null;
                /** @description by=field: the option's label (null: no value or an option no longer defined) */
                label?: {
                    "zh-CN": string;
                    en: string;
                } | null;
                answered: number;
                average: number | null;
                /** @description share of 4–5 stars */
                csat: number | null;
                /** @description % promoters − % detractors */
                nps: number | null;
                promoters: number;
                passives: number;
                detractors: number;
            }[];
        };
        PortalNps: {
            /** Format: uuid */
            id: string;
            survey: components["schemas"]["SurveyPage"];
        };
        BusinessCalendar: {
            /** Format: uuid */
            id: string;
            nameZh: string;
            nameEn: string;
            isDefault: boolean;
            version: number;
            timeZone: string;
            /** @description Seven days, Sunday first (index 0 = Sunday, 1 = Monday … 6 = Saturday). */
            weekly: {
                start: string;
                end: string;
            }[][];
            holidays: string[];
            workdays: string[];
            makeUpDaySchedule: {
                start: string;
                end: string;
            }[] | null;
            alwaysOpen: boolean;
            holidayYears: number[];
        };
        YearHolidaySchedule: {
            year: number;
            source?: string;
            holidays: {
                date: string;
                name: string;
            }[];
            workdays: {
                date: string;
                name: string;
            }[];
        };
        SlaPolicyConditions: {
            /** @description Every condition must hold. Empty: the policy applies to every ticket. */
            all: {
                /** @description A filterable field of the ticket from the field registry (`priority`, `categoryId` — the category with its ancestors —, `channel`, `type`, `team`, `assignee`, `requester`, `tags`, `created`, a custom field as `fields.<key>`) or a fact of its customer (`customerTier`, `organizationId`, `contractType`). `GET /api/v1/sla/condition-fields` lists them with their operators and options. */
                field: string;
                /**
                 * @description An operator of the condition language the field's type takes (docs/conditions.md): `in`: the ticket has one of the values; `not_in`: it has none of them (a ticket without a category is `not_in` every category list); `is`, `gt`, `between` …; `is_empty` takes no values.
                 * @enum {string}
                 */
                op: "is" | "is_not" | "in" | "not_in" | "contains" | "starts_with" | "is_empty" | "is_not_empty" | "gt" | "lt" | "gte" | "lte" | "between";
                /** @description The operands, always a list: one value for `is`, `gt` …, two for `between`, none for `is_empty`. */
                values: (string | number | boolean)[];
            }[];
        };
        SlaPriorityTargets: {
            firstResponseMinutes?: number;
            /** @description After each customer message that awaits an answer. */
            nextResponseMinutes?: number;
            resolutionMinutes?: number;
        };
        SlaEscalationAction: {
            /** @constant */
            type: "notify";
            /** @enum {string} */
            to: "assignee" | "team_lead" | "supervisors" | "user";
            /**
             * Format: uuid
             * @description Only with `to: "user"`, and then required.
             */
            userId?: string;
        } | {
            /** @constant */
            type: "reassign";
            /** @enum {string} */
            to: "team_lead" | "user";
            /**
             * Format: uuid
             * @description Only with `to: "user"`, and then required.
             */
            userId?: string;
        } | {
            /** @constant */
            type: "set_priority";
            priority: string;
        };
        SlaEscalationStep: {
            /** @description Wall-clock minutes after the breach (0: at the breach). */
            afterMinutes: number;
            /**
             * @description Which target's breach starts this step; `any`: the breach of each target (and of each next-response cycle), each firing once.
             * @enum {string}
             */
            target: "first_response" | "next_response" | "resolution" | "any";
            actions: components["schemas"]["SlaEscalationAction"][];
            /**
             * @description Hold notifications that fall outside the policy calendar's business hours until it opens.
             * @default true
             */
            businessHoursOnly: boolean;
        };
        SlaConditionField: {
            /** @description What a condition names in `field`: a built-in field, `fields.<key>` for a custom one, or a customer fact. */
            key: string;
            label: {
                "zh-CN": string;
                en: string;
            };
            /** @enum {string} */
            source: "ticket" | "custom" | "customer";
            /** @description Its condition-language type (select, multiselect, number, boolean …; docs/conditions.md). */
            type: string;
            operators: ("is" | "is_not" | "in" | "not_in" | "contains" | "starts_with" | "is_empty" | "is_not_empty" | "gt" | "lt" | "gte" | "lte" | "between")[];
            /** @description Values to choose from, labelled; a cascader's options at every level, labelled with their path (广东省 / 深圳市). Absent: values the console lists itself (priorities, categories, tiers, teams, users) or free values (tags, contract types). */
            options?: {
                value: string;
                label: {
                    "zh-CN": string;
                    en: string;
                };
                deleted?: boolean;
            }[];
        };
        SlaPolicy: {
            /** Format: uuid */
            id: string;
            nameZh: string;
            nameEn: string;
            /** @description 0-based; policies are tried in this order and the first match wins. */
            position: number;
            active: boolean;
            conditions: components["schemas"]["SlaPolicyConditions"];
            /** @description Business minutes per priority key. A missing priority or a missing target: no target for it. */
            targets: {
                [key: string]: components["schemas"]["SlaPriorityTargets"];
            };
            /** @description Null: the default calendar. */
            calendarId: string | null;
            /** @description Ticket statuses that stop the clock, usually `pending` (waiting for the customer, 等待备件). */
            pauseStatuses: ("new" | "open" | "pending" | "resolved" | "closed")[];
            warningPercent: number | null;
            escalation: components["schemas"]["SlaEscalationStep"][];
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        SlaTimer: {
            /** @enum {string} */
            target: "first_response" | "next_response" | "resolution";
            /** @enum {string} */
            state: "running" | "warning" | "breached" | "paused" | "met";
            dueAt: string | null;
            remainingMinutes: number;
            targetMinutes: number;
            cycle: number;
            /** Format: uuid */
            policyId: string;
            /** Format: uuid */
            calendarId: string;
            /** Format: date-time */
            startedAt: string;
            pausedAt: string | null;
            metAt: string | null;
            breachedAt: string | null;
            nextCheckAt: string | null;
            fired: string[];
            history: {
                at: string;
                event: string;
                detail?: {
                    [key: string]: unknown;
                };
            }[];
        };
        CustomerMessage: {
            /** Format: uuid */
            id: string;
            ticket: {
                /** Format: uuid */
                id: string;
                number: string;
                subject: string;
                status: string;
            };
            channel: string;
            internal: boolean;
            author: {
                /** @constant */
                kind: "customer";
            } | {
                /** @constant */
                kind: "agent";
                /** Format: uuid */
                id: string;
                name: string;
            } | {
                /** @constant */
                kind: "system";
            };
            body: string;
            attachmentCount: number;
            /** Format: date-time */
            createdAt: string;
        };
        FeishuTeamRobot: {
            /** Format: uuid */
            teamId: string;
            webhookSet: boolean;
            signed: boolean;
            sandbox: boolean;
            enabled: boolean;
            version: number;
            /** Format: date-time */
            updatedAt: string;
        };
        Notification: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "ticket_assigned" | "team_ticket_unassigned" | "customer_replied" | "internal_note" | "sla_warning" | "sla_breached" | "rule" | "admin_notice";
            ticketId: string | null;
            /** @description In the reader's language. */
            title: string;
            /** @description What caused it: agent, customer, sla, rule:<id> … */
            cause: string;
            /** Format: date-time */
            createdAt: string;
            readAt: string | null;
        };
        NotificationPage: {
            items: components["schemas"]["Notification"][];
            nextCursor: string | null;
            unreadCount: number;
        };
        NotificationPreferences: {
            kinds: {
                ticket_assigned: {
                    enabled: boolean;
                    email: boolean;
                    wecom: boolean;
                    dingtalk: boolean;
                };
                team_ticket_unassigned: {
                    enabled: boolean;
                    email: boolean;
                    wecom: boolean;
                    dingtalk: boolean;
                };
                customer_replied: {
                    enabled: boolean;
                    email: boolean;
                    wecom: boolean;
                    dingtalk: boolean;
                };
                internal_note: {
                    enabled: boolean;
                    email: boolean;
                    wecom: boolean;
                    dingtalk: boolean;
                };
                sla_warning: {
                    enabled: boolean;
                    email: boolean;
                    wecom: boolean;
                    dingtalk: boolean;
                };
                sla_breached: {
                    enabled: boolean;
                    email: boolean;
                    wecom: boolean;
                    dingtalk: boolean;
                };
                rule: {
                    enabled: boolean;
                    email: boolean;
                    wecom: boolean;
                    dingtalk: boolean;
                };
                admin_notice: {
                    enabled: boolean;
                    email: boolean;
                    wecom: boolean;
                    dingtalk: boolean;
                };
            };
            quietHours: {
                start: string;
                end: string;
            } | null;
            timeZone: string;
            digest: {
                enabled: boolean;
                at: string;
            };
            /** @description 0 until first saved. */
            version: number;
            /** @description Channels this user can receive: email needs the mail relay, WeCom and DingTalk a staff link. */
            available: {
                email: boolean;
                wecom: boolean;
                dingtalk: boolean;
            };
        };
        ArticleAttachment: {
            id: string;
            url: string;
            filename: string;
            contentType: string;
            size: number;
        };
        Article: {
            id: string;
            slug: string;
            /** @enum {string} */
            status: "draft" | "in_review" | "published" | "archived";
            /** @enum {string} */
            visibility: "internal" | "public" | "restricted";
            organizationIds: string[];
            tierKeys: string[];
            categoryId: string | null;
            tags: string[];
            relatedIds: string[];
            ownerId: string;
            reviewerId: string | null;
            reviewBy: string | null;
            version: number;
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            publishedAt: string | null;
            translations: {
                /** @enum {string} */
                locale: "zh-CN" | "en";
                title: string;
                bodyHtml: string;
                bodyText: string;
            }[];
            related: {
                id: string;
                slug: string;
                titles: {
                    [key: string]: string;
                };
            }[];
            attachments: components["schemas"]["ArticleAttachment"][];
            abilities?: {
                edit: boolean;
                submit: boolean;
                review: boolean;
            };
        };
        PublicArticle: {
            id: string;
            slug: string;
            categoryId: string | null;
            tags: string[];
            translations: {
                /** @enum {string} */
                locale: "zh-CN" | "en";
                title: string;
                bodyHtml: string;
                bodyText: string;
            }[];
            related: {
                id: string;
                slug: string;
                titles: {
                    [key: string]: string;
                };
            }[];
            attachments: components["schemas"]["ArticleAttachment"][];
            /** Format: date-time */
            updatedAt: string;
            publishedAt: string | null;
        };
        ArticleHit: {
            id: string;
            slug: string;
            /** @enum {string} */
            locale: "zh-CN" | "en";
            title: string;
            snippet: string;
            /** @enum {string} */
            status: "draft" | "in_review" | "published" | "archived";
            /** @enum {string} */
            visibility: "internal" | "public" | "restricted";
            categoryId: string | null;
            tags: string[];
            /** Format: date-time */
            updatedAt: string;
            matchedWords?: string[];
        };
        PublicArticleHit: {
            id: string;
            slug: string;
            /** @enum {string} */
            locale: "zh-CN" | "en";
            title: string;
            snippet: string;
            categoryId: string | null;
            tags: string[];
            /** Format: date-time */
            updatedAt: string;
            matchedWords?: string[];
        };
        KnowledgeCategory: {
            id: string;
            parentId: string | null;
            nameZh: string;
            nameEn: string;
            position: number;
            /** Format: date-time */
            createdAt: string;
        };
        ArticleVersion: {
            articleId: string;
            number: number;
            status: string;
            reason: string;
            restoredFrom: number | null;
            actorId: string;
            /** Format: date-time */
            createdAt: string;
        };
        ArticleDiff: {
            texts: {
                locale: string;
                /** @enum {string} */
                field: "title" | "body";
                lines: {
                    /** @enum {string} */
                    op: "same" | "added" | "removed";
                    text: string;
                }[];
            }[];
            settings: {
                field: string;
                from: unknown;
                to: unknown;
            }[];
        };
        Macro: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            scope: "personal" | "shared";
            ownerId: string | null;
            name: string;
            shortcut: string | null;
            body: string;
            /**
             * @description `reply`: lands in the composer as a public reply; `note`: as an internal note.
             * @enum {string}
             */
            bodyKind: "reply" | "note";
            /** @description Ticket changes applied with the macro; each is optional. `fields`: custom values by key (null clears one), judged by the ticket's form when applied. */
            actions: {
                /** @enum {string} */
                status?: "new" | "open" | "pending" | "resolved" | "closed";
                priority?: string;
                teamId?: string | null;
                assigneeId?: string | null;
                tagsAdd?: string[];
                tagsRemove?: string[];
                fields?: {
                    [key: string]: unknown;
                };
            };
            teamIds: string[];
            active: boolean;
            usageCount: number;
            lastUsedAt: string | null;
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            abilities: {
                update: boolean;
                delete: boolean;
            };
        };
        CustomerNoticeSettings: {
            scope: string;
            noticesEnabled: boolean;
            noticeKinds: ("scheduled" | "rescheduled" | "cancelled")[];
            reminderTime: string | null;
            companyName: string | null;
        };
        DispatchReason: {
            code: string;
            params?: {
                [key: string]: string | number;
            };
        };
        DispatchBoard: {
            from: string;
            dates: string[];
            /** @description the first instant of each date in the installation's time zone */
            dayStarts: string[];
            speedKmh: number;
            engineers: {
                /** Format: uuid */
                id: string;
                name: string;
                skills: string[];
                zones: string[];
                dailyCapacity: number;
                lastPosition: {
                    lat: number;
                    lng: number;
                } | null;
                days: {
                    date: string;
                    count: number;
                    minutes: number;
                    overCapacity: boolean;
                    conflicts: number;
                }[];
                visits: {
                    /** Format: uuid */
                    id: string;
                    number: string | null;
                    /** @enum {string} */
                    status: "pending_dispatch" | "dispatched" | "accepted" | "rejected" | "departed" | "arrived" | "in_service" | "awaiting_confirmation" | "completed" | "cancelled" | "revisit_needed";
                    priority: string | null;
                    serviceType: {
                        "zh-CN": string;
                        /** @default  */
                        en: string;
                    } | null;
                    site: {
                        regionNames: string[];
                        street: string;
                        lat: number | null;
                        lng: number | null;
                    } | null;
                    /** Format: date-time */
                    start: string;
                    /** Format: date-time */
                    end: string;
                    date: string;
                    visible: boolean;
                    conflicts: components["schemas"]["DispatchReason"][];
                    travelFromPrevious: {
                        km: number;
                        minutes: number;
                    } | null;
                }[];
            }[];
            unscheduled: {
                items: {
                    /** Format: uuid */
                    id: string;
                    number: string;
                    /** Format: uuid */
                    ticketId: string;
                    /** @enum {string} */
                    status: "pending_dispatch" | "dispatched" | "accepted" | "rejected" | "departed" | "arrived" | "in_service" | "awaiting_confirmation" | "completed" | "cancelled" | "revisit_needed";
                    priority: string;
                    serviceType: {
                        "zh-CN": string;
                        /** @default  */
                        en: string;
                    };
                    requiredSkills: string[];
                    estimatedMinutes: number;
                    appointmentStart: string | null;
                    appointmentEnd: string | null;
                    slaDueAt: string | null;
                    site: {
                        regionNames: string[];
                        street: string;
                        lat: number | null;
                        lng: number | null;
                    } | null;
                    reason: string | null;
                }[];
                nextCursor: string | null;
            };
        };
        DispatchSuggestions: {
            ranked: {
                /** Format: uuid */
                engineerId: string;
                name: string;
                score: number;
                distanceKm: number | null;
                reasons: components["schemas"]["DispatchReason"][];
            }[];
            /** @description only with `all=1` */
            excluded: {
                /** Format: uuid */
                engineerId: string;
                name: string;
                reasons: components["schemas"]["DispatchReason"][];
            }[];
        };
        EngineerProfile: {
            /** Format: uuid */
            id: string;
            name: string;
            teamIds: string[];
            skills: string[];
            zones: string[];
            home: {
                region: string[];
                street: string;
                lat: number | null;
                lng: number | null;
                /** @constant */
                coordinateSystem: "gcj02";
            } | null;
            dailyCapacity: number;
            lastLat: number | null;
            lastLng: number | null;
            lastSeenAt: string | null;
            /** @description 0 until the profile is first edited */
            version: number;
        };
        MapSettings: {
            /** @constant */
            provider: "amap";
            apiKey: string | null;
            securityCodeSet: boolean;
            scriptBaseUrl: string;
        };
        MapConfig: {
            /** @constant */
            configured: false;
            scriptBaseUrl: string;
        } | {
            /** @constant */
            configured: true;
            /** @constant */
            provider: "amap";
            apiKey: string;
            securityCode: string;
            scriptUrl: string;
        };
        ServiceType: {
            /** Format: uuid */
            id: string;
            key: string;
            name: {
                "zh-CN": string;
                /** @default  */
                en: string;
            };
            defaultDurationMinutes: number;
            requiredSkills: string[];
            checkInRadiusMeters: number;
            autoDispatch: boolean;
            /** @enum {string} */
            autoDispatchPick: "best" | "nearest" | "least_loaded";
            autoDispatchWithinHours: number | null;
            active: boolean;
            position: number;
            currentVersion: number | null;
            version: number;
            forms: {
                version: number;
                fields: ({
                    key: string;
                    label: {
                        "zh-CN": string;
                        /** @default  */
                        en: string;
                    };
                    help?: {
                        "zh-CN"?: string;
                        /** @default  */
                        en: string;
                    };
                    type: string;
                    options?: components["schemas"]["__shared"][];
                    /** @default {} */
                    settings: {
                        min?: number;
                        max?: number;
                        maxLength?: number;
                        decimals?: number;
                        /** @enum {string} */
                        optionSource?: "china-regions";
                        levels?: number;
                        recordKind?: string;
                        scale?: number;
                    };
                    /** @default false */
                    customerVisible: boolean;
                    /** @default [] */
                    readRoles: string[];
                    /** @default [] */
                    writeRoles: string[];
                    id: string;
                    archived: boolean;
                    version: number;
                } & {
                    [key: string]: unknown;
                })[];
                form: {
                    sections: {
                        key: string;
                        label: {
                            "zh-CN": string;
                            /** @default  */
                            en: string;
                        };
                        fields: {
                            key: string;
                            /**
                             * @default full
                             * @enum {string}
                             */
                            width: "full" | "half" | "third";
                            /** @default false */
                            required: boolean;
                            help?: {
                                "zh-CN"?: string;
                                /** @default  */
                                en: string;
                            };
                            default?: unknown;
                        }[];
                    }[];
                    /** @default [] */
                    rules: {
                        id: string;
                        label?: string;
                        when?: unknown;
                        then: ({
                            /** @constant */
                            effect: "show";
                            field: string;
                        } | {
                            /** @constant */
                            effect: "hide";
                            field: string;
                        } | {
                            /** @constant */
                            effect: "require";
                            field: string;
                        } | {
                            /** @constant */
                            effect: "read_only";
                            field: string;
                        } | {
                            /** @constant */
                            effect: "options";
                            field: string;
                            values: string[];
                        } | {
                            /** @constant */
                            effect: "default";
                            field: string;
                            value: unknown;
                        } | {
                            /** @constant */
                            effect: "set";
                            field: string;
                            value: unknown;
                        } | {
                            /** @constant */
                            effect: "compute";
                            field: string;
                            /** @enum {string} */
                            formula: "sum" | "product" | "difference" | "days_between";
                            of: string[];
                        })[];
                    }[];
                    /**
                     * @default {
                     *       "enabled": false,
                     *       "fields": []
                     *     }
                     */
                    portal: {
                        /** @default false */
                        enabled: boolean;
                        title?: {
                            "zh-CN": string;
                            /** @default  */
                            en: string;
                        };
                        /** @default [] */
                        fields: {
                            key: string;
                            /**
                             * @default full
                             * @enum {string}
                             */
                            width: "full" | "half" | "third";
                            /** @default false */
                            required: boolean;
                            help?: {
                                "zh-CN"?: string;
                                /** @default  */
                                en: string;
                            };
                            default?: unknown;
                        }[];
                    };
                };
                reportFields: ({
                    key: string;
                    label: {
                        "zh-CN": string;
                        /** @default  */
                        en: string;
                    };
                    help?: {
                        "zh-CN"?: string;
                        /** @default  */
                        en: string;
                    };
                    type: string;
                    options?: components["schemas"]["__shared"][];
                    /** @default {} */
                    settings: {
                        min?: number;
                        max?: number;
                        maxLength?: number;
                        decimals?: number;
                        /** @enum {string} */
                        optionSource?: "china-regions";
                        levels?: number;
                        recordKind?: string;
                        scale?: number;
                    };
                    /** @default false */
                    customerVisible: boolean;
                    /** @default [] */
                    readRoles: string[];
                    /** @default [] */
                    writeRoles: string[];
                    id: string;
                    archived: boolean;
                    version: number;
                } & {
                    [key: string]: unknown;
                })[];
                reportForm: {
                    sections: {
                        key: string;
                        label: {
                            "zh-CN": string;
                            /** @default  */
                            en: string;
                        };
                        fields: {
                            key: string;
                            /**
                             * @default full
                             * @enum {string}
                             */
                            width: "full" | "half" | "third";
                            /** @default false */
                            required: boolean;
                            help?: {
                                "zh-CN"?: string;
                                /** @default  */
                                en: string;
                            };
                            default?: unknown;
                        }[];
                    }[];
                    /** @default [] */
                    rules: {
                        id: string;
                        label?: string;
                        when?: unknown;
                        then: ({
                            /** @constant */
                            effect: "show";
                            field: string;
                        } | {
                            /** @constant */
                            effect: "hide";
                            field: string;
                        } | {
                            /** @constant */
                            effect: "require";
                            field: string;
                        } | {
                            /** @constant */
                            effect: "read_only";
                            field: string;
                        } | {
                            /** @constant */
                            effect: "options";
                            field: string;
                            values: string[];
                        } | {
                            /** @constant */
                            effect: "default";
                            field: string;
                            value: unknown;
                        } | {
                            /** @constant */
                            effect: "set";
                            field: string;
                            value: unknown;
                        } | {
                            /** @constant */
                            effect: "compute";
                            field: string;
                            /** @enum {string} */
                            formula: "sum" | "product" | "difference" | "days_between";
                            of: string[];
                        })[];
                    }[];
                    /**
                     * @default {
                     *       "enabled": false,
                     *       "fields": []
                     *     }
                     */
                    portal: {
                        /** @default false */
                        enabled: boolean;
                        title?: {
                            "zh-CN": string;
                            /** @default  */
                            en: string;
                        };
                        /** @default [] */
                        fields: {
                            key: string;
                            /**
                             * @default full
                             * @enum {string}
                             */
                            width: "full" | "half" | "third";
                            /** @default false */
                            required: boolean;
                            help?: {
                                "zh-CN"?: string;
                                /** @default  */
                                en: string;
                            };
                            default?: unknown;
                        }[];
                    };
                };
            } | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        WorkOrder: {
            /** Format: uuid */
            id: string;
            number: string;
            /** Format: uuid */
            ticketId: string;
            serviceType: {
                /** Format: uuid */
                id: string;
                key: string;
                name: {
                    "zh-CN": string;
                    /** @default  */
                    en: string;
                };
            };
            serviceTypeVersion: number | null;
            /** @enum {string} */
            status: "pending_dispatch" | "dispatched" | "accepted" | "rejected" | "departed" | "arrived" | "in_service" | "awaiting_confirmation" | "completed" | "cancelled" | "revisit_needed";
            priority: string;
            teamId: string | null;
            engineer: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            requester: {
                /** Format: uuid */
                id: string;
                name: string;
                phone: string | null;
                organization: string | null;
            } | null;
            site: {
                region: string[];
                /** @description the 省/市/区 names of `region`, in Chinese */
                regionNames: string[];
                street: string;
                lat: number | null;
                lng: number | null;
                /** @constant */
                coordinateSystem: "gcj02";
            } | null;
            appointmentStart: string | null;
            appointmentEnd: string | null;
            appointmentAgreed: boolean;
            deviceIds: string[];
            devices: {
                /** Format: uuid */
                id: string;
                type: string;
                title: string;
                status: string | null;
                expiresOn: string | null;
            }[];
            requiredSkills: string[];
            estimatedMinutes: number;
            fields: {
                [key: string]: unknown;
            };
            report: {
                fault: string;
                cause: string;
                action: string;
                fields: {
                    [key: string]: unknown;
                };
                parts: {
                    name: string;
                    model: string | null;
                    quantity: number;
                }[];
                labourMinutes: number | null;
                photoIds: string[];
                signatureId: string | null;
                rating: number | null;
            } | null;
            reason: string | null;
            allowedSteps: ("dispatch" | "accept" | "reject" | "depart" | "arrive" | "start" | "report" | "finish" | "cancel" | "revisit")[];
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        WorkOrderDetail: {
            /** Format: uuid */
            id: string;
            number: string;
            /** Format: uuid */
            ticketId: string;
            serviceType: {
                /** Format: uuid */
                id: string;
                key: string;
                name: {
                    "zh-CN": string;
                    /** @default  */
                    en: string;
                };
            };
            serviceTypeVersion: number | null;
            /** @enum {string} */
            status: "pending_dispatch" | "dispatched" | "accepted" | "rejected" | "departed" | "arrived" | "in_service" | "awaiting_confirmation" | "completed" | "cancelled" | "revisit_needed";
            priority: string;
            teamId: string | null;
            engineer: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            requester: {
                /** Format: uuid */
                id: string;
                name: string;
                phone: string | null;
                organization: string | null;
            } | null;
            site: {
                region: string[];
                /** @description the 省/市/区 names of `region`, in Chinese */
                regionNames: string[];
                street: string;
                lat: number | null;
                lng: number | null;
                /** @constant */
                coordinateSystem: "gcj02";
            } | null;
            appointmentStart: string | null;
            appointmentEnd: string | null;
            appointmentAgreed: boolean;
            deviceIds: string[];
            devices: {
                /** Format: uuid */
                id: string;
                type: string;
                title: string;
                status: string | null;
                expiresOn: string | null;
            }[];
            requiredSkills: string[];
            estimatedMinutes: number;
            fields: {
                [key: string]: unknown;
            };
            report: {
                fault: string;
                cause: string;
                action: string;
                fields: {
                    [key: string]: unknown;
                };
                parts: {
                    name: string;
                    model: string | null;
                    quantity: number;
                }[];
                labourMinutes: number | null;
                photoIds: string[];
                signatureId: string | null;
                rating: number | null;
            } | null;
            reason: string | null;
            allowedSteps: ("dispatch" | "accept" | "reject" | "depart" | "arrive" | "start" | "report" | "finish" | "cancel" | "revisit")[];
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            steps: {
                /** Format: uuid */
                id: string;
                type: string;
                from: string;
                to: string;
                actor: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                } | null;
                /** Format: date-time */
                at: string;
                /** Format: date-time */
                recordedAt: string;
                lat: number | null;
                lng: number | null;
                distanceMeters: number | null;
                beyondRadius: boolean | null;
                detail: {
                    [key: string]: unknown;
                };
            }[];
            attachments: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                clientId: string;
                kind: string;
                filename: string;
                contentType: string;
                size: number;
                /** Format: date-time */
                createdAt: string;
            }[];
        };
        WebhookEndpoint: {
            id: string;
            url: string;
            description: string;
            eventTypes: string[];
            enabled: boolean;
            /** @description gone: answered 410; failing: every attempt failed for 3 days */
            disabledReason: ("admin" | "gone" | "failing") | null;
            disabledAt: string | null;
            headerNames: string[];
            /** @description Active secrets, newest first (values are never answered) */
            secrets: {
                id: string;
                createdAt: string;
                expiresAt: string | null;
            }[];
            failingSince: string | null;
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        WebhookEndpointWithSecret: {
            endpoint: components["schemas"]["WebhookEndpoint"];
            /** @description whsec_…: shown this once */
            secret: string;
        };
        WebhookEventType: {
            type: string;
            labels: {
                "zh-CN": string;
                en: string;
            };
            fields: string[];
        };
        WebhookDelivery: {
            id: string;
            /** @description The webhook-id header: the same for every attempt and replay */
            messageId: string;
            eventType: string;
            eventId: number | null;
            cause: string;
            /** @enum {string} */
            status: "pending" | "delivered" | "failed";
            attempts: number;
            nextAttemptAt: string | null;
            lastAttemptAt: string | null;
            lastResponseStatus: number | null;
            lastError: string | null;
            deliveredAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        WebhookAttempt: {
            number: number;
            manual: boolean;
            /** Format: date-time */
            startedAt: string;
            durationMs: number;
            requestHeaders: {
                [key: string]: string;
            };
            responseStatus: number | null;
            /** @description The first 2 KB */
            responseBody: string | null;
            error: string | null;
            succeeded: boolean;
        };
        WebhookDeliveryDetail: {
            id: string;
            /** @description The webhook-id header: the same for every attempt and replay */
            messageId: string;
            eventType: string;
            eventId: number | null;
            cause: string;
            /** @enum {string} */
            status: "pending" | "delivered" | "failed";
            attempts: number;
            nextAttemptAt: string | null;
            lastAttemptAt: string | null;
            lastResponseStatus: number | null;
            lastError: string | null;
            deliveredAt: string | null;
            /** Format: date-time */
            createdAt: string;
            body: string;
            attemptLog: components["schemas"]["WebhookAttempt"][];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
