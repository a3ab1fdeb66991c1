-- Failed sign-ins, counted in the database so that every node of a cluster counts the same
-- attempts. One row per counter: 'account:<name>' (attempts from browsers the account has
-- not signed in from), 'device:<nonce>' (attempts from one browser that has) and
-- 'address:<client address>'. Rows whose window has passed are pruned.
create table sign_in_counter (
    counter_key   varchar(220) primary key,
    failures      int          not null,
    window_start  timestamp with time zone not null
);

create index sign_in_counter_window_ix on sign_in_counter (window_start);

-- Secrets the nodes share, created once by the first node that needs one (a primary key
-- settles a race) and never sent anywhere: e.g. the key that signs device cookies.
create table server_secret (
    name    varchar(40)  primary key,
    secret  varchar(100) not null
);
